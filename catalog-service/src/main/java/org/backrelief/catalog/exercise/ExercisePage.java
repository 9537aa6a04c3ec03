package org.backrelief.catalog.exercise;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of an exercise list. */
@Schema(name = "ExercisePage", description = "One page of exercises matching all filters")
public record ExercisePage(
        @Schema(description = "The exercises of this page") List<Exercise> items,
        @Schema(description = "0-based page number", example = "0") int page,
        @Schema(description = "Page size asked for", example = "20") int size,
        @Schema(description = "Number of matching exercises over all pages", example = "41") long total) {
}
