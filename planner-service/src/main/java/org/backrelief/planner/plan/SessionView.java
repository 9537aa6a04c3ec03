package org.backrelief.planner.plan;

import java.time.Instant;
import java.time.LocalDate;

import org.backrelief.planner.routine.RoutineResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A session and what to do in it. {@code today} is the routine, or (for the next session) why there is none.
 *
 * @param completable whether a completion is accepted today: from the scheduled date to the end of the window
 */
@Schema(description = "A scheduled session with its routine")
public record SessionView(
        String sessionId,
        String planId,
        @Schema(example = "0") int index,
        @Schema(example = "1") int weekNumber,
        LocalDate scheduledDate,
        @Schema(example = "SCHEDULED") String status,
        @Schema(example = "0") int step,
        boolean completable,
        Instant completedAt,
        RoutineResponse today) {
}
