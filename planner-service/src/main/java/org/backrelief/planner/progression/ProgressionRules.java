package org.backrelief.planner.progression;

import org.backrelief.common.domain.Level;
import org.backrelief.common.domain.Phase;
import org.backrelief.planner.catalog.Candidate;
import org.backrelief.planner.catalog.CatalogExercise.Dose;
import org.backrelief.planner.catalog.CatalogExercise.Range;

/**
 * Graded, time-contingent progression: every number that decides how much a person does, in one readable place.
 * <p>
 * A program climbs a ladder of steps, {@value #FIRST_STEP} to {@value #MAX_STEP}, one step per program week
 * (time-contingent: the calendar decides, not how the person feels that day; pain only holds or lowers the step,
 * see {@link PainAdaptation}). Step 0 is a quota below the guide's dose; {@value #MAX_STEP} is the guide's full dose:
 * <ul>
 * <li>repetitions start at {@value #REPS_START_FRACTION} of the guide's lower count and grow to its upper count;</li>
 * <li>holds start at the guide's shorter hold and grow to its longer one (the plank 10 s to 30 s); where the guide gives
 * one figure, they start at {@value #HOLD_START_FRACTION} of it (the hip flexor stretch 15 s to 30 s);</li>
 * <li>the hip flexor stretch, where the guide says to start with one hold and work toward 3 sets of 15, grows its hold
 * first, then from step {@value #HOLD_TO_REPS_STEP} turns into repetitions with a short hold, up to 3 x 15;</li>
 * <li>sets stay within the dose's range: the guide gives strengthening moves one count ("Repeat 15-20 times",
 * "10 repetitions"), so one set; a labelled default may allow more (e.g. crunches 1-2 sets); never more;</li>
 * <li>cardio starts at {@value #CARDIO_START_MINUTES} minutes and adds {@value #CARDIO_MINUTES_PER_STEP} minutes a step
 * up to the guide's longest duration, at a moderate intensity from the start ("start at a moderate intensity and then
 * build your way up"); once the duration is built up, the intensity builds up too.</li>
 * </ul>
 * Beginners start at step {@value #BEGINNER_START_STEP}, intermediates at {@value #INTERMEDIATE_START_STEP}, advanced
 * at {@value #ADVANCED_START_STEP}.
 */
public final class ProgressionRules {

    public static final int FIRST_STEP = 0;
    public static final int MAX_STEP = 5;
    /** Time-contingent schedule: the step rises by one every this many program weeks. */
    public static final int WEEKS_PER_STEP = 1;

    public static final int BEGINNER_START_STEP = 0;
    public static final int INTERMEDIATE_START_STEP = 2;
    public static final int ADVANCED_START_STEP = 3;

    public static final double REPS_START_FRACTION = 0.6;
    public static final double HOLD_START_FRACTION = 0.5;
    /** A dose whose reps go no higher than this is a count of holds (e.g. 2-3 plank holds), not a rep exercise. */
    public static final int HOLD_COUNT_MAX_REPS = 5;
    public static final int HOLD_TO_REPS_STEP = 3;
    public static final int PULSE_HOLD_SECONDS = 2;
    public static final int MAX_SETS = 3;

    public static final int CARDIO_START_MINUTES = 10;
    public static final int CARDIO_MINUTES_PER_STEP = 5;

    public static final int STRENGTHENING_REST_SECONDS = 30;
    public static final int DEFAULT_REST_SECONDS = 15;

    /** The guide: "start at a moderate intensity and then build your way up". */
    public static final String INTENSITY_START = "start at a moderate intensity and build up: the time first";
    public static final String INTENSITY_MODERATE = "moderate intensity; build up gradually as you feel stronger";
    public static final String INTENSITY_MODERATE_PLUS = "build up: add a little incline or resistance if moderate feels easy";

    private ProgressionRules() {
    }

    public static int startStep(Level level) {
        return switch (level) {
            case BEGINNER -> BEGINNER_START_STEP;
            case INTERMEDIATE -> INTERMEDIATE_START_STEP;
            case ADVANCED -> ADVANCED_START_STEP;
        };
    }

    /** The step of a program week when nothing has held or lowered it. */
    public static int scheduledStep(int startStep, int week) {
        return clamp(startStep + Math.max(0, week - 1) / WEEKS_PER_STEP);
    }

    public static int clamp(int step) {
        return Math.max(FIRST_STEP, Math.min(MAX_STEP, step));
    }

    /** The dose of {@code candidate} at {@code step}. */
    public static Dosage dosage(Candidate candidate, int step) {
        Dose dose = candidate.dose();
        Phase phase = candidate.phase();
        int s = clamp(step);
        double f = (double) s / MAX_STEP;
        int rest = dose.restSeconds() != null ? dose.restSeconds()
                : phase == Phase.STRENGTHENING ? STRENGTHENING_REST_SECONDS : DEFAULT_REST_SECONDS;
        if (candidate.minutesBased()) {
            int hold = dose.holdSeconds() == null ? 0 : dose.holdSeconds().max();
            if (phase == Phase.LOW_IMPACT_CARDIO) {
                return new Dosage(0, 0, hold, false, cardioMinutes(dose.minutes(), s), 0, 0,
                        cardioIntensity(dose.minutes(), s));
            }
            // warm-up walks and cool-down relaxation keep the guide's duration
            return new Dosage(0, 0, hold, dose.perSide(), dose.minutes().min(), 0, 0, null);
        }
        Range reps = dose.reps();
        Range hold = dose.holdSeconds();
        if (hold != null && reps != null && reps.min() <= 1 && reps.max() > 1) {
            return holdThenReps(dose, s, rest);
        }
        int r = reps == null ? 0 : interpolate(startReps(reps.min()), reps.max(), f);
        int h = hold == null ? 0 : interpolate(startHold(hold), hold.max(), f);
        // within the dose's range only: the guide's single counts are one set
        int sets = dose.sets() != null ? interpolate(dose.sets().min(), dose.sets().max(), f) : 1;
        return new Dosage(sets, r, h, dose.perSide(), 0, rest, sets, null);
    }

    /** "Start with one 30 s hold per side; work toward 3 sets of 15": the hold grows first, then reps and sets. */
    private static Dosage holdThenReps(Dose dose, int step, int rest) {
        Range hold = dose.holdSeconds();
        Range reps = dose.reps();
        if (step < HOLD_TO_REPS_STEP) {
            double f = HOLD_TO_REPS_STEP <= 1 ? 1 : (double) step / (HOLD_TO_REPS_STEP - 1);
            int h = interpolate(startHold(hold), hold.max(), f);
            return new Dosage(1, 1, h, dose.perSide(), 0, rest, 1, null);
        }
        double g = (double) (step - HOLD_TO_REPS_STEP) / (MAX_STEP - HOLD_TO_REPS_STEP);
        int r = interpolate(startReps(reps.max()), reps.max(), g);
        int maxSets = dose.sets() == null ? MAX_SETS : dose.sets().max();
        int minSets = dose.sets() == null ? 1 : dose.sets().min();
        int sets = interpolate(minSets, maxSets, g);
        return new Dosage(sets, r, PULSE_HOLD_SECONDS, dose.perSide(), 0, rest, sets, null);
    }

    /** Cardio duration goes up first: {@value #CARDIO_START_MINUTES} min, then +{@value #CARDIO_MINUTES_PER_STEP} a step. */
    public static int cardioMinutes(Range minutes, int step) {
        return Math.min(cardioQuotaMinutes(step), minutes.max());
    }

    /** The cardio minutes a step calls for, before any activity's own range caps them. */
    public static int cardioQuotaMinutes(int step) {
        return CARDIO_START_MINUTES + CARDIO_MINUTES_PER_STEP * clamp(step);
    }

    /** Intensity rises only once the duration has reached the guide's longest. */
    public static String cardioIntensity(Range minutes, int step) {
        int full = stepReachingFullDuration(minutes);
        int s = clamp(step);
        if (s < full) {
            return INTENSITY_START;
        }
        return s == full ? INTENSITY_MODERATE : INTENSITY_MODERATE_PLUS;
    }

    static int stepReachingFullDuration(Range minutes) {
        int missing = Math.max(0, minutes.max() - CARDIO_START_MINUTES);
        return clamp((missing + CARDIO_MINUTES_PER_STEP - 1) / CARDIO_MINUTES_PER_STEP);
    }

    /** The most sets a dose allows: its range's upper bound, or one set where it gives none. */
    public static int maxSets(Dose dose) {
        return dose.sets() == null ? 1 : Math.max(1, dose.sets().max());
    }

    static int startReps(int guideMin) {
        return Math.max(1, (int) Math.ceil(guideMin * REPS_START_FRACTION));
    }

    /** The guide's shorter hold when it gives a range; half its only figure otherwise (e.g. 30 s becomes 15 s). */
    static int startHold(Range hold) {
        if (hold.min() < hold.max()) {
            return hold.min();
        }
        return Math.max(1, (int) Math.ceil(hold.min() * HOLD_START_FRACTION));
    }

    static int interpolate(int from, int to, double fraction) {
        if (to <= from) {
            return from;
        }
        return from + (int) Math.round((to - from) * fraction);
    }
}
