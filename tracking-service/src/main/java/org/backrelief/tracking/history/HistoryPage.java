package org.backrelief.tracking.history;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A page of sessions, newest first")
public record HistoryPage(
        List<SessionView> items,
        @Schema(description = "0-based page index", example = "0") int page,
        @Schema(example = "20") int size,
        @Schema(description = "Sessions matching the filter, all pages", example = "57") long total) {
}
