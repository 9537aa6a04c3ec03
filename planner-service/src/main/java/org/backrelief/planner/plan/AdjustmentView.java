package org.backrelief.planner.plan;

import java.time.Instant;

import org.backrelief.planner.progression.SessionEffort;
import org.backrelief.planner.progression.StepAnchor;
import org.backrelief.planner.progression.PainAdaptation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One pain-monitored adjustment of a plan, with its reason: visible to the person in the plan. */
@Schema(description = "An adjustment the plan made after a pain report")
public record AdjustmentView(
        Instant at,
        @Schema(example = "COMPLETION") String trigger,
        @Schema(example = "4f1c2a7e-8a55-4b6e-9d53-2f7c1f0b9e11") String sessionId,
        String checkInId,
        @Schema(example = "2") Integer painBefore,
        @Schema(example = "7") int pain,
        @Schema(example = "STEP_BACK") String decision,
        @Schema(deprecated = true, description = "Deprecated, use nextWeekStepBefore (same value): the step planned for"
                + " the week after the session's week before this report", example = "2") int fromStep,
        @Schema(deprecated = true, description = "Deprecated, use nextWeekStepAfter (same value)", example = "0")
        int toStep,
        // the reason PainAdaptation gives for a pain two points above its hold band
        @Schema(example = "Pain after the session was " + (PainAdaptation.HOLD_MAX_PAIN + 2) + "/10 (above "
                + PainAdaptation.HOLD_MAX_PAIN + "): stepping back one level and rebuilding the coming sessions.")
        String reason,
        @Schema(description = "Program week of the session the report is about (null on older adjustments)",
                example = "2") Integer sessionWeek,
        @Schema(description = "Step the session was done at", example = "1") Integer sessionStep,
        @Schema(description = "The program week the decision applies from (sessionWeek + 1)", example = "3")
        Integer nextWeek,
        @Schema(description = "Step planned for nextWeek before this report", example = "2") Integer nextWeekStepBefore,
        @Schema(description = "Step planned for nextWeek after it", example = "0") Integer nextWeekStepAfter,
        @Schema(description = "Completions only: exercises reported DONE", example = "11") Integer exercisesDone,
        @Schema(description = "Completions only: exercises the session prescribed", example = "12")
        Integer exercisesInSession,
        @Schema(description = "Completions only: exercises skipped because of pain", example = "0")
        Integer skippedForPain) {

    public static final String COMPLETION = "COMPLETION";
    public static final String CHECK_IN = "CHECK_IN";

    /** The adjustment a report makes, moving the step schedule from {@code current} to {@code next}. */
    static AdjustmentView of(PainReport report, StepAnchor current, StepAnchor next) {
        int nextWeek = report.sessionWeek() + 1;
        int before = current.stepForWeek(nextWeek);
        int after = next.stepForWeek(nextWeek);
        SessionEffort effort = report.effort();
        return new AdjustmentView(report.at(), report.trigger(), report.sessionId(), report.checkInId(),
                report.painBefore(), report.pain(), report.assessment().decision().name(), before, after,
                report.assessment().reason(), report.sessionWeek(), report.sessionStep(), nextWeek, before, after,
                effort == null ? null : effort.exercisesDone(), effort == null ? null : effort.exercisesInSession(),
                effort == null ? null : effort.skippedForPain());
    }
}
