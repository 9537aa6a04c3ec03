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
        Integer fromStep,
        Integer toStep) {
}
