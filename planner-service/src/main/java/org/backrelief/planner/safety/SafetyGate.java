package org.backrelief.planner.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.backrelief.common.domain.Impact;
import org.backrelief.common.domain.Phase;
import org.backrelief.common.domain.Target;
import org.backrelief.planner.catalog.CatalogExercise;
import org.backrelief.planner.routine.Routine;
import org.backrelief.planner.safety.SafetyDecision.Outcome;

/**
 * Decides, before anything is composed, whether a person may exercise today and how. Red flags come first and
 * block everything; then pain decides between a normal and a gentle-only routine.
 * <p>
 * Sources: the red flags are the standard screening signs for serious spinal pathology (cauda equina syndrome,
 * infection, fracture, malignancy) used in low-back-pain guidelines (e.g. NICE NG59); the pain thresholds follow the
 * pain-monitoring model (0-10 scale, see {@code PainAdaptation}).
 */
public final class SafetyGate {

    /** Pain at or above this (0-10) allows only gentle mobility, breathing and relaxation. */
    public static final int GENTLE_ONLY_PAIN = 7;
    /** Pain at or above this rules out moderate-impact moves (jumping, skipping, sprints). */
    public static final int NO_MODERATE_IMPACT_PAIN = 4;
    /** A rise of this many points since the last red-flag screen asks the screen again before the next session. */
    public static final int PAIN_JUMP_POINTS = 3;
    /** The hardest exercise (catalog difficulty 1-5) that still counts as gentle. */
    public static final int GENTLE_MAX_DIFFICULTY = 1;

    public static final List<String> GENERAL_CAUTIONS = List.of(
            "Always warm up first: never stretch or strengthen cold muscles.",
            "Stop if you feel pain. A mild stretch or effort is fine; sharp, shooting or increasing pain is not.",
            "Start slowly and build up gradually; move with control and breathe steadily.",
            "Check with your doctor or a physical therapist that these exercises suit you before you begin.");

    public static final String URGENT_MESSAGE = "You reported %s. These can be signs of pressure on the nerves at the"
            + " base of the spine, which needs urgent medical assessment. Do not exercise: seek urgent care now"
            + " (an emergency department, or call your local emergency number).";
    public static final String CLINICIAN_MESSAGE = "You reported %s. Please see a doctor or physical therapist before"
            + " starting an exercise programme; these signs need to be checked first. Once a clinician has cleared you,"
            + " update your profile (clearedByClinician) and your plan will be built.";
    public static final String GENTLE_MESSAGE = "Your pain is %d/10 today. Only gentle mobility, breathing and"
            + " relaxation: no strengthening or cardio until it settles below " + GENTLE_ONLY_PAIN + ".";

    public static final List<String> GENTLE_ADVICE = List.of(
            "Keep every movement small, slow and comfortable; stop anything that increases your pain.",
            "Gentle movement and relaxation usually help more than complete rest.",
            "If the pain keeps getting worse, does not ease within a few days, or comes with any red-flag sign"
                    + " (numbness, weakness, bladder or bowel changes, fever), contact a clinician.");

    public SafetyDecision evaluate(Set<RedFlag> flags, boolean clearedByClinician, int pain) {
        List<RedFlag> urgent = new ArrayList<>();
        List<RedFlag> clinician = new ArrayList<>();
        for (RedFlag flag : RedFlag.values()) {
            if (flags != null && flags.contains(flag)) {
                (flag.severity() == RedFlag.Severity.URGENT ? urgent : clinician).add(flag);
            }
        }
        if (!urgent.isEmpty()) {
            // a clinician's clearance never lifts urgent signs: they need care now, not a workout
            return new SafetyDecision(Outcome.URGENT_CARE, List.copyOf(urgent),
                    String.format(URGENT_MESSAGE, describe(urgent)), List.of());
        }
        if (!clinician.isEmpty() && !clearedByClinician) {
            return new SafetyDecision(Outcome.SEE_CLINICIAN, List.copyOf(clinician),
                    String.format(CLINICIAN_MESSAGE, describe(clinician)), List.of());
        }
        if (modeFor(pain) == Routine.Mode.GENTLE) {
            return new SafetyDecision(Outcome.GENTLE_ONLY, List.of(), String.format(GENTLE_MESSAGE, pain),
                    GENTLE_ADVICE);
        }
        return new SafetyDecision(Outcome.PROCEED, List.of(), null, List.of());
    }

    /** Which mode today: the one home of the rule (pain {@value #GENTLE_ONLY_PAIN}/10 or more is a gentle day). */
    public static Routine.Mode modeFor(int pain) {
        return pain >= GENTLE_ONLY_PAIN ? Routine.Mode.GENTLE : Routine.Mode.STANDARD;
    }

    /** The red-flag screen must be answered again when pain has risen this much since it was last answered. */
    public static boolean painJumped(int painAtScreening, int latestPain) {
        return latestPain - painAtScreening >= PAIN_JUMP_POINTS;
    }

    /**
     * Gentle mobility, breathing and relaxation: no impact, the easiest difficulty, not cardio, and only in the
     * warm-up, stretching or cool-down. With the guide's content that is shoulder rolls, arm circles, the seated
     * reach, cat/camel, child's pose, the hamstring stretch, deep breathing, progressive muscle relaxation, guided
     * imagery and meditation.
     */
    public static boolean isGentle(CatalogExercise exercise, Phase phase) {
        boolean gentlePhase = phase == Phase.WARM_UP || phase == Phase.STRETCHING || phase == Phase.COOL_DOWN;
        boolean cardio = exercise.targets() != null && exercise.targets().contains(Target.CARDIOVASCULAR);
        return gentlePhase && !cardio && exercise.impact() == Impact.NONE
                && exercise.difficulty() <= GENTLE_MAX_DIFFICULTY;
    }

    private static String describe(List<RedFlag> flags) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < flags.size(); i++) {
            if (i > 0) {
                text.append(i == flags.size() - 1 ? " and " : ", ");
            }
            text.append(flags.get(i).description());
        }
        return text.toString();
    }
}
