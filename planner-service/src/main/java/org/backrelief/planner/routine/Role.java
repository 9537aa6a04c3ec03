package org.backrelief.planner.routine;

import org.backrelief.common.domain.Equipment;
import org.backrelief.common.domain.Impact;
import org.backrelief.common.domain.Phase;
import org.backrelief.common.domain.Target;
import org.backrelief.planner.catalog.Candidate;

/**
 * The job an exercise does in its phase, following the guide's structure of each phase (e.g. the warm-up begins with
 * light movement that raises the heart rate and only then does slow back stretches; the cool-down begins with foam rolling and ends in relaxation).
 * The role decides what is picked first ({@link RoleSelection}) and the explanation the person reads
 * ({@link RoutineText#why(Role, Phase)}).
 */
enum Role {
    /** Light movement that raises the heart rate: what every warm-up starts with, before any stretch. */
    WARM_MOVEMENT,
    BACK_STRETCH,
    DYNAMIC,
    LIGHT_CARDIO,
    CORE,
    GLUTES_AND_BACK,
    STRETCH_BACK,
    STRETCH_HAMSTRINGS,
    STRETCH_HIP_FLEXORS,
    CARDIO_PREFERRED,
    CARDIO,
    FOAM_ROLL,
    RELAXATION,
    EXTRA;

    boolean matches(Candidate c, int preferenceBits) {
        return switch (this) {
            case WARM_MOVEMENT -> c.phase() == Phase.WARM_UP && c.dose().holdSeconds() == null
                    && !c.targetsOnly(Target.MIND_BREATHING)
                    && (c.targets(Target.CARDIOVASCULAR) || c.targets(Target.SHOULDERS));
            case BACK_STRETCH -> c.impact() == Impact.NONE && (c.targets(Target.LOWER_BACK) || c.targets(Target.UPPER_BACK))
                    && !c.targets(Target.CARDIOVASCULAR) && !c.targets(Target.SHOULDERS) && !c.minutesBased()
                    && !c.uses(Equipment.FOAM_ROLLER);
            case DYNAMIC -> !c.targetsOnly(Target.MIND_BREATHING) && !LIGHT_CARDIO.matches(c, preferenceBits)
                    && (c.impact() != Impact.NONE || c.targets(Target.SHOULDERS) || c.targets(Target.LEGS));
            case LIGHT_CARDIO -> c.minutesBased() && c.targets(Target.CARDIOVASCULAR)
                    && c.dose().minutes().min() >= 10;
            case CORE -> c.targets(Target.CORE);
            case GLUTES_AND_BACK -> (c.targets(Target.GLUTES) || c.targets(Target.LOWER_BACK)) && !c.targets(Target.CORE);
            case STRETCH_BACK -> c.targets(Target.LOWER_BACK) || c.targets(Target.UPPER_BACK);
            case STRETCH_HAMSTRINGS -> c.targets(Target.HAMSTRINGS);
            case STRETCH_HIP_FLEXORS -> c.targets(Target.HIP_FLEXORS);
            case CARDIO_PREFERRED -> c.matchesAny(preferenceBits);
            case FOAM_ROLL -> c.uses(Equipment.FOAM_ROLLER);
            case RELAXATION -> c.targets(Target.MIND_BREATHING) && c.minutesBased();
            case CARDIO, EXTRA -> true;
        };
    }
}
