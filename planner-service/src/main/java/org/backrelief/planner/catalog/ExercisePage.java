package org.backrelief.planner.catalog;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One page of {@code GET /api/v1/exercises}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExercisePage(List<CatalogExercise> items, int page, int size, long total) {
}
