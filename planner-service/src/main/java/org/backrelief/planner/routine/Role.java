package org.backrelief.planner.routine;

import org.backrelief.common.domain.Equipment;
import org.backrelief.common.domain.Impact;
import org.backrelief.common.domain.Phase;
import org.backrelief.common.domain.Target;
import org.backrelief.planner.catalog.Candidate;

/**
 * The job an exercise does in its phase, following the guide's structure of each phase (e.g. the warm-up begins with
 * light movement that raises the heart rate and only then does slow back stretches; the cool-down begins with foam rolling and ends in relaxation).
 * The role decides what is picked first and the explanation the person reads.
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

    String why(Phase phase) {
        return switch (this) {
            case WARM_MOVEMENT -> "Light movement first, to raise your heart rate and warm your muscles: the guide says"
                    + " to always warm up before stretching.";
            case BACK_STRETCH -> phase == Phase.WARM_UP
                    ? "A slow back stretch, now that your muscles are warm (never stretch cold)."
                    : "A gentle back stretch to ease stiffness after the workout.";
            case DYNAMIC -> "A dynamic move to raise your heart rate and loosen the muscles you will use.";
            case LIGHT_CARDIO -> "Light cardio so you never stretch cold, as the guide advises.";
            case CORE -> "Core work steadies the spine; every strengthening block includes a core exercise.";
            case GLUTES_AND_BACK -> "Strong glutes and back muscles support the lower back and pelvis.";
            case STRETCH_BACK -> "Eases tension and restores mobility in the back.";
            case STRETCH_HAMSTRINGS -> "Tight hamstrings strain the lower back; this eases them.";
            case STRETCH_HIP_FLEXORS -> "Tight hip flexors pull on the lower back; this lengthens them.";
            case CARDIO_PREFERRED -> "Low-impact cardio you said you enjoy: it raises circulation without jarring the spine.";
            case CARDIO -> "Low-impact cardio: it raises your heart rate and circulation without jarring the spine.";
            case FOAM_ROLL -> "Foam rolling starts the cool-down, as the guide suggests, to release back tension.";
            case RELAXATION -> phase == Phase.WARM_UP
                    ? "A few minutes of calm breathing before you start, as the guide suggests."
                    : "Relaxation to finish calmly: slow breathing eases muscle tension and pain.";
            case EXTRA -> "Adds variety and fills your session time.";
        };
    }
}
