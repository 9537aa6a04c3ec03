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
        @Schema(deprecated = true, description = "Deprecated, use nextWeekStepBefore (same value): the step planned for"
                + " the week after the session's week before this completion, not the session's own step",
                example = "1") int fromStep,
        @Schema(deprecated = true, description = "Deprecated, use nextWeekStepAfter (same value)", example = "1")
        int toStep,
        @Schema(description = "Program week of the completed session", example = "1") Integer sessionWeek,
        @Schema(description = "Progression step (0-5) the completed session was done at", example = "0")
        Integer sessionStep,
        @Schema(description = "The program week the decision applies from (sessionWeek + 1)", example = "2")
        Integer nextWeek,
        @Schema(description = "Step planned for nextWeek before this completion (the time-contingent schedule: one step"
                + " up a week)", example = "1") Integer nextWeekStepBefore,
        @Schema(description = "Step planned for nextWeek after it: equal on PROGRESS, lower on HOLD/STEP_BACK (never "
                + "loosened by a later report)", example = "1") Integer nextWeekStepAfter,
        @Schema(description = "Exercises reported DONE", example = "11") Integer exercisesDone,
        @Schema(description = "Exercises the session prescribed (unreported ones count as not done)", example = "12")
        Integer exercisesInSession,
        @Schema(description = "Exercises skipped because of pain (skipCause PAIN); each counts like pain", example = "0")
        Integer skippedForPain) {
}
