package org.backrelief.planner.routine;

import org.backrelief.common.domain.Phase;
import org.backrelief.planner.catalog.Candidate;
import org.backrelief.planner.progression.Dosage;
import org.backrelief.planner.routine.Routine.Mode;
import org.backrelief.planner.safety.SafetyGate;

/**
 * Every text of a routine the person reads: phase names, why each exercise is there, the dose in words, a skipped
 * phase's note, and why a profile gets no routine. (The safety cautions and the gentle-day advice are the safety
 * gate's: {@link SafetyGate}.)
 */
final class RoutineText {

    private static final String[] PHASE_NAMES = { "Warm-up", "Strengthening", "Stretching", "Low-impact cardio",
            "Cool-down" };

    private RoutineText() {
    }

    static String phaseName(Phase phase) {
        return PHASE_NAMES[phase.ordinal()];
    }

    /** Why a phase is empty today; null when it is not. */
    static String emptyPhaseNote(Phase phase, Mode mode) {
        if (RoleSelection.skipped(mode, phase.ordinal())) {
            return "Skipped today: with pain of " + SafetyGate.GENTLE_ONLY_PAIN
                    + "/10 or more, only gentle mobility, breathing and relaxation.";
        }
        return "No " + phaseName(phase).toLowerCase() + " exercise fits your equipment, positions and level today;"
                + " its time went to the other phases.";
    }

    /** Why this exercise is in the routine. */
    static String why(Phase phase, Role role, Mode mode, Candidate c) {
        String why = why(role, phase);
        if (mode == Mode.GENTLE) {
            why = "Gentle option for a high-pain day. " + why;
        }
        if (!c.targetsText().isEmpty()) {
            why = why + " Works: " + c.targetsText() + ".";
        }
        return why;
    }

    static String why(Role role, Phase phase) {
        return switch (role) {
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

    /** A timed activity's dose in words, e.g. "12 min, moderate". */
    static String timedSummary(int minutes, Dosage d) {
        return minutes + " min" + (d.intensity() != null ? ", " + d.intensity() : "")
                + (d.holdSeconds() > 0 ? ", holds of " + d.holdSeconds() + " s" : "");
    }

    /** A counted dose in words, e.g. "2 x 10 reps, per side, rest 30 s between sets". */
    static String setsSummary(int sets, Integer reps, Dosage d) {
        StringBuilder text = new StringBuilder(48);
        if (sets > 1) {
            text.append(sets).append(" x ");
        }
        if (reps != null) {
            text.append(reps).append(reps == 1 ? " rep" : " reps");
            if (d.holdSeconds() > 0) {
                text.append(", hold ").append(d.holdSeconds()).append(" s each");
            }
        } else if (d.holdSeconds() > 0) {
            text.append("hold ").append(d.holdSeconds()).append(" s");
        }
        if (d.perSide()) {
            text.append(", per side");
        }
        if (sets > 1) {
            text.append(", rest ").append(d.restSeconds()).append(" s between sets");
        }
        return text.toString();
    }

    static NoSafeRoutineException noWarmUp() {
        return new NoSafeRoutineException("avoidPositions", "No warm-up exercise fits your equipment, positions"
                + " and level, and a session must start with a warm-up. Allow more positions or equipment.");
    }

    static NoSafeRoutineException noWarmMovement() {
        return new NoSafeRoutineException("avoidPositions", "No warm-up movement that raises your heart rate"
                + " (walking or jogging in place, arm circles, light cardio) fits your positions, equipment and"
                + " level, and the guide says to always warm up before stretching. Allow standing, or add"
                + " equipment such as a stationary bike.");
    }

    static NoSafeRoutineException noCoolDown() {
        return new NoSafeRoutineException("avoidPositions", "No cool-down exercise fits your equipment,"
                + " positions and level, and a session must end with a cool-down. Allow more positions or equipment.");
    }

    static NoSafeRoutineException timeNotFilled(int totalSeconds, int targetSeconds) {
        return new NoSafeRoutineException("minutesPerSession", "Only about " + Math.round(totalSeconds / 60.0)
                + " of the " + targetSeconds / 60 + " minutes can be filled with exercises that fit your equipment,"
                + " positions and level. Choose a shorter session or fewer restrictions.");
    }
}
