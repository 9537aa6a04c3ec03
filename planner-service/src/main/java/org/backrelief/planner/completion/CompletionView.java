package org.backrelief.planner.completion;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The recorded completion; a retried request gets exactly this again. */
@Schema(description = "A recorded session completion and what it did to the plan")
public record CompletionView(
        String sessionId,
        String planId,
        @Schema(description = "Id of the session-completed event") String eventId,
        Instant completedAt,
        @Schema(example = "3") int painBefore,
        @Schema(example = "2") int painAfter,
        @Schema(example = "1750") int durationSeconds,
        @Schema(example = "PROGRESS") String decision,
        String reason,
        @Schema(description = "Step planned for the coming week before this completion", example = "1") int fromStep,
        @Schema(description = "Step planned for the coming week after it", example = "1") int toStep) {
}
