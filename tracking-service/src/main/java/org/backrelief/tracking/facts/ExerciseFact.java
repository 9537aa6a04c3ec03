package org.backrelief.tracking.facts;

import org.backrelief.common.domain.Phase;
import org.backrelief.common.events.SessionCompletedV1;
import org.backrelief.common.events.SessionCompletedV1.Status;

/** What the person did of one prescribed exercise in a session. */
public record ExerciseFact(
        String exerciseId,
        Phase phase,
        Status status,
        String skipReason,
        Integer sets,
        Integer reps,
        Integer holdSeconds,
        int durationSeconds) {

    public static ExerciseFact of(SessionCompletedV1.ExerciseResult result) {
        return new ExerciseFact(result.exerciseId(), result.phase(), result.status(), result.skipReason(),
                result.sets(), result.reps(), result.holdSeconds(), result.durationSeconds());
    }

    public boolean done() {
        return status == Status.DONE;
    }
}
