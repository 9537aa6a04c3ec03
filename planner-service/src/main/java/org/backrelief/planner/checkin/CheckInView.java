package org.backrelief.planner.checkin;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A recorded check-in and, when it refers to a session, what it did to the plan. */
@Schema(description = "A recorded pain check-in")
public record CheckInView(
        String checkInId,
        String eventId,
        Instant recordedAt,
        @Schema(example = "2") int pain,
        String sessionId,
        @Schema(example = "PROGRESS") String decision,
        String reason,
        @Schema(deprecated = true, description = "Deprecated, use nextWeekStepBefore (same value)") Integer fromStep,
        @Schema(deprecated = true, description = "Deprecated, use nextWeekStepAfter (same value)") Integer toStep,
        @Schema(description = "Program week of the session the check-in refers to", example = "1") Integer sessionWeek,
        @Schema(description = "Step the session was done at", example = "0") Integer sessionStep,
        @Schema(description = "The week the decision applies from (sessionWeek + 1)", example = "2") Integer nextWeek,
        @Schema(description = "Step planned for nextWeek before this check-in", example = "1") Integer nextWeekStepBefore,
        @Schema(description = "Step planned for nextWeek after it", example = "1") Integer nextWeekStepAfter) {
}
