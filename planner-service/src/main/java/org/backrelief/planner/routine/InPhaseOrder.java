package org.backrelief.planner.routine;

import org.backrelief.common.domain.Phase;
import org.backrelief.common.domain.Target;
import org.backrelief.planner.catalog.Candidate;

/**
 * The guide's order inside a phase: ranks, lowest first, then the order the exercises were added. Ranks are 100 apart
 * so that "lighter first" (difficulty, then impact: at most 5 * 10 + 9) orders exercises within a rank without
 * reaching the next one.
 */
final class InPhaseOrder {

    static final int PER_DIFFICULTY = 10;
    // warm-up: light movement that raises the heart rate, other dynamic moves, breathing, slow back stretches
    static final int WARM_UP_HEART_RATE = 100;
    static final int WARM_UP_DYNAMIC = 300;
    static final int WARM_UP_BREATHING = 600;
    static final int WARM_UP_STRETCHES = 700;
    // strengthening: the core exercise, then the others (lighter first)
    static final int CORE_FIRST = 0;
    static final int STRENGTHENING_OTHERS = 100;
    // stretching: back, hamstrings, hip flexors
    static final int BACK = 0;
    static final int HAMSTRINGS = 100;
    static final int HIP_FLEXORS = 200;
    // cool-down: foam rolling, stretches, relaxation
    static final int FOAM_ROLLING = 0;
    static final int COOL_DOWN_STRETCHES = 100;
    static final int RELAXATION_LAST = 200;

    private InPhaseOrder() {
    }

    static int lighterFirst(Candidate c) {
        return c.difficulty() * PER_DIFFICULTY + c.impact().ordinal();
    }

    /** The rank of {@code item} in {@code phase}. */
    static int rank(Phase phase, DosedExercise item) {
        Candidate c = item.candidate;
        return switch (phase) {
            // movement that raises the heart rate first (light to hard), then other dynamic moves, then a few
            // minutes of breathing, and the slow back stretches last: never a stretch before the muscles are warm
            case WARM_UP -> {
                if (Role.WARM_MOVEMENT.matches(c, 0)) {
                    yield WARM_UP_HEART_RATE + lighterFirst(c);
                }
                if (c.targetsOnly(Target.MIND_BREATHING)) {
                    yield WARM_UP_BREATHING;
                }
                if (Role.BACK_STRETCH.matches(c, 0) || c.dose().holdSeconds() != null) {
                    yield WARM_UP_STRETCHES;
                }
                yield WARM_UP_DYNAMIC + lighterFirst(c);
            }
            case STRENGTHENING -> item.mandatory ? CORE_FIRST : STRENGTHENING_OTHERS + c.difficulty() * PER_DIFFICULTY;
            // the guide's order: back, hamstrings, hip flexors
            case STRETCHING -> item.role == Role.STRETCH_HIP_FLEXORS ? HIP_FLEXORS
                    : item.role == Role.STRETCH_HAMSTRINGS ? HAMSTRINGS : BACK;
            // foam rolling first, stretches, relaxation last
            case COOL_DOWN -> Role.FOAM_ROLL.matches(c, 0) ? FOAM_ROLLING
                    : Role.RELAXATION.matches(c, 0) ? RELAXATION_LAST : COOL_DOWN_STRETCHES;
            default -> 0;
        };
    }
}
