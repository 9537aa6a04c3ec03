package org.backrelief.planner.routine;

import org.backrelief.common.domain.Impact;
import org.backrelief.common.domain.Level;
import org.backrelief.planner.catalog.Candidate;
import org.backrelief.planner.routine.Routine.Mode;
import org.backrelief.planner.safety.SafetyGate;

/**
 * Who may do what: whether an exercise may appear in a person's routine at all (equipment, avoided positions, level,
 * pain, a gentle-only day), and on which sessions of a week an exercise the guide limits to a few times a week may.
 * The composer picks only from what passes here.
 */
final class Eligibility {

    public static final int MAX_DIFFICULTY_BEGINNER = 3;
    public static final int MAX_DIFFICULTY_INTERMEDIATE = 4;
    public static final int MAX_DIFFICULTY_ADVANCED = 5;

    /** The hardest exercise (catalog difficulty 1-5) a level may get: beginners never get shuffles or sprints. */
    public static int maxDifficulty(Level level) {
        return switch (level) {
            case BEGINNER -> MAX_DIFFICULTY_BEGINNER;
            case INTERMEDIATE -> MAX_DIFFICULTY_INTERMEDIATE;
            case ADVANCED -> MAX_DIFFICULTY_ADVANCED;
        };
    }

    /** Whether {@code c} may appear at all for this person today. */
    static boolean eligible(Candidate c, Level level, int equipmentMask, int avoidMask, int pain, Mode mode) {
        if ((c.equipmentMask() & ~equipmentMask) != 0 || (c.avoidMask() & avoidMask) != 0) {
            return false;
        }
        if (c.exercise().minLevel().ordinal() > level.ordinal() || c.difficulty() > maxDifficulty(level)) {
            return false;
        }
        if (pain >= SafetyGate.NO_MODERATE_IMPACT_PAIN && c.impact() == Impact.MODERATE) {
            return false;
        }
        return mode != Mode.GENTLE || c.gentle();
    }

    /**
     * Whether an exercise the guide limits to a few times a week (back extensions: "two or three times per week") may
     * be on this session: session {@code slot = day % sessionsPerWeek} of the week, and only {@code timesPerWeek.max}
     * slots of the week, spread evenly (3 of 7: slots 0, 3, 5). Program sessions use their index as the day and every
     * program week holds exactly {@code sessionsPerWeek} sessions, so no week has more.
     */
    static boolean onAllowedDay(Candidate c, int day, int sessionsPerWeek) {
        var perWeek = c.dose().timesPerWeek();
        if (perWeek == null || sessionsPerWeek <= perWeek.max()) {
            return true;
        }
        if (perWeek.max() <= 0) {
            return false;
        }
        int slot = Math.floorMod(day, sessionsPerWeek);
        return slot == 0 || slot * perWeek.max() / sessionsPerWeek != (slot - 1) * perWeek.max() / sessionsPerWeek;
    }

    private Eligibility() {
    }
}
