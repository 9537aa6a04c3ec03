package org.backrelief.planner.routine;

import org.backrelief.planner.catalog.Candidate;
import org.backrelief.planner.progression.Dosage;

/** One exercise of the routine being composed, with the sets or minutes the time fitter has given it so far. */
final class DosedExercise {

    /** The least a timed activity gets. */
    static final int MIN_MINUTES = 1;

    final Candidate candidate;
    final Dosage dosage;
    final Role role;
    /** Never dropped to save time (the core exercise, a phase's first). */
    final boolean mandatory;
    /** The order it was added in: breaks ties inside a phase. */
    final int sequence;
    int sets;
    int minutes;

    DosedExercise(Candidate candidate, Dosage dosage, Role role, boolean mandatory, int sequence, int sets,
            int minutes) {
        this.candidate = candidate;
        this.dosage = dosage;
        this.role = role;
        this.mandatory = mandatory;
        this.sequence = sequence;
        this.sets = sets;
        this.minutes = minutes;
    }

    boolean timed() {
        return dosage.minutes() > 0;
    }

    int seconds() {
        return secondsWith(sets, minutes);
    }

    int secondsWith(int withSets, int withMinutes) {
        return TimingModel.estimateSeconds(withSets, dosage.reps(), dosage.holdSeconds(), dosage.perSide(),
                withMinutes, dosage.restSeconds());
    }

    int maxSets(Allowance allowance) {
        return allowance.maxSets(candidate, dosage);
    }

    int maxMinutes(Allowance allowance) {
        return allowance.maxMinutes(candidate, dosage);
    }
}
