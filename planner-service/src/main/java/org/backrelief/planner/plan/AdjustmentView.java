package org.backrelief.planner.plan;

import java.time.Instant;

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
        @Schema(description = "Step planned for the coming week before this report", example = "2") int fromStep,
        @Schema(description = "Step planned for the coming week after it", example = "0") int toStep,
        @Schema(example = "Pain after the session was 7/10 (above 5): stepping back one level and rebuilding the coming sessions.")
        String reason) {

    public static final String COMPLETION = "COMPLETION";
    public static final String CHECK_IN = "CHECK_IN";
}
