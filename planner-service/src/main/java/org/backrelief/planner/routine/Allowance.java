package org.backrelief.planner.routine;

import org.backrelief.common.domain.Phase;
import org.backrelief.common.domain.Target;
import org.backrelief.planner.catalog.Candidate;
import org.backrelief.planner.progression.Dosage;
import org.backrelief.planner.progression.ProgressionRules;

/**
 * How far doses may stretch to fill the time, tried in this order (it was called "level", like the person's fitness
 * {@link org.backrelief.common.domain.Level}). Each allows what the ones before it allow.
 */
enum Allowance {
    /** The step's doses; strengthening and stretching up to {@value #SOFT_SETS} sets. */
    STEP_DOSES,
    /** Stretching and warm-up moves up to {@link ProgressionRules#MAX_SETS} sets. */
    MORE_SETS,
    /** Relaxation up to {@value #EXTENDED_RELAXATION_MINUTES} minutes; an exercise may return in a phase the guide also lists it for. */
    LONGER_RELAXATION,
    /** Cardio up to {@value #CARDIO_EXTRA_MINUTES} minutes past its quota, and a second cardio activity. */
    MORE_CARDIO;

    /** Sets a strengthening or stretching exercise may reach before anything else stretches. */
    static final int SOFT_SETS = 2;
    /** Relaxation may run this long when the time cannot be filled otherwise. */
    static final int EXTENDED_RELAXATION_MINUTES = 15;
    /** Cardio may run this much past its quota when nothing else can fill the time. */
    static final int CARDIO_EXTRA_MINUTES = 15;

    boolean allows(Allowance other) {
        return compareTo(other) >= 0;
    }

    /** The most sets {@code c} may take at dose {@code d}; strengthening never above the guide's range. */
    int maxSets(Candidate c, Dosage d) {
        Phase phase = c.phase();
        if (phase == Phase.STRENGTHENING) {
            // never above the guide's range (or the labelled default's): the guide gives one count, i.e. one set
            return ProgressionRules.maxSets(c.dose());
        }
        if (phase == Phase.STRETCHING) {
            int soft = Math.max(d.targetSets(), SOFT_SETS);
            return allows(MORE_SETS) ? Math.max(soft, ProgressionRules.MAX_SETS) : soft;
        }
        return allows(MORE_SETS) ? Math.max(d.targetSets(), ProgressionRules.MAX_SETS) : d.targetSets();
    }

    /** The most minutes a timed activity {@code c} may take at dose {@code d}. */
    int maxMinutes(Candidate c, Dosage d) {
        int guideMax = c.dose().minutes().max();
        if (c.phase() == Phase.LOW_IMPACT_CARDIO) {
            return allows(MORE_CARDIO) ? Math.max(d.minutes(), guideMax) + CARDIO_EXTRA_MINUTES : d.minutes();
        }
        if (allows(LONGER_RELAXATION) && c.targets(Target.MIND_BREATHING)) {
            return Math.max(guideMax, EXTENDED_RELAXATION_MINUTES);
        }
        return guideMax;
    }
}
