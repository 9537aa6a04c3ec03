package org.backrelief.planner.routine;

import org.backrelief.planner.catalog.Candidate;
import org.backrelief.planner.progression.Dosage;

/** An eligible exercise of a phase with its dose at the routine's step. */
record Choice(Candidate candidate, Dosage dosage) {

    boolean timed() {
        return dosage.minutes() > 0;
    }

    /** One set, or one minute: the least this exercise can take. */
    int minimalSeconds() {
        if (timed()) {
            return TimingModel.estimateSeconds(0, 0, 0, false, DosedExercise.MIN_MINUTES, 0);
        }
        return oneSetSeconds();
    }

    int oneSetSeconds() {
        return TimingModel.estimateSeconds(1, dosage.reps(), dosage.holdSeconds(), dosage.perSide(), 0,
                dosage.restSeconds());
    }
}
