package org.backrelief.planner.routine;

import org.backrelief.common.domain.Phase;

/**
 * Splits a session's time across the five phases.
 * <ol>
 * <li>The recommended minutes per phase of the catalog's phases.json (warm-up 10-15, strengthening 10-20,
 * stretching 10-15, low-impact cardio 10-30: BackRelief defaults, labelled so there; cool-down 5-10: the guide's) add up
 * to 45-90 minutes. From 45 to 90 minutes every phase moves from its lower to its upper figure in step.</li>
 * <li>Below 45 minutes, cardio shrinks first, down to {@value #CARDIO_SHORT_FLOOR_MINUTES} minutes; after that every
 * phase gives up time in proportion to what it has above a {@value #PHASE_FLOOR_MINUTES}-minute floor. So
 * {@value org.backrelief.planner.profile.ProfileSpec#MIN_MINUTES} minutes (five phases of {@value #PHASE_FLOOR_MINUTES} minutes) is the shortest session
 * with all five phases, which is also the shortest a profile accepts.</li>
 * <li>Cardio never gets more than the progression step's cardio quota (10 minutes at step 0, then 5 more a step);
 * the surplus goes to the other phases in proportion to their share.</li>
 * <li>A phase with no suitable exercise hands its time to the others the same way.</li>
 * </ol>
 * A gentle-only day (pain of {@value org.backrelief.planner.safety.SafetyGate#GENTLE_ONLY_PAIN}/10 or more) lasts at most {@value #GENTLE_MAX_MINUTES} minutes, split warm-up 30 %,
 * stretching 30 %, cool-down 40 %.
 */
public final class TimeBudget {

    /**
     * The recommended minutes per phase, in {@link Phase} order (phases.json recommendedMinutes; only the cool-down's
     * are the guide's, the others are labelled defaults there). Cardio starts at 10, as the progression does.
     */
    static final int[] GUIDE_MIN_MINUTES = { 10, 10, 10, 10, 5 };
    static final int[] GUIDE_MAX_MINUTES = { 15, 20, 15, 30, 10 };
    public static final int PHASE_FLOOR_MINUTES = 2;
    public static final int CARDIO_SHORT_FLOOR_MINUTES = 5;
    public static final int GENTLE_MAX_MINUTES = 20;
    static final double[] GENTLE_SHARE = { 0.3, 0, 0.3, 0, 0.4 };

    private static final int PHASES = Phase.values().length;
    private static final int CARDIO = Phase.LOW_IMPACT_CARDIO.ordinal();

    private TimeBudget() {
    }

    /**
     * @param totalSeconds the session length
     * @param cardioCapSeconds the progression step's cardio quota
     * @param available phases that have at least one suitable exercise
     * @return seconds per phase, in {@link Phase} order, adding up to {@code totalSeconds}
     */
    public static int[] standard(int totalSeconds, int cardioCapSeconds, boolean[] available) {
        double[] budget = new double[PHASES];
        double sumMin = 0;
        double sumMax = 0;
        for (int p = 0; p < PHASES; p++) {
            sumMin += GUIDE_MIN_MINUTES[p] * 60.0;
            sumMax += GUIDE_MAX_MINUTES[p] * 60.0;
        }
        if (totalSeconds >= sumMin) {
            double f = Math.min(1.0, (totalSeconds - sumMin) / (sumMax - sumMin));
            for (int p = 0; p < PHASES; p++) {
                budget[p] = (GUIDE_MIN_MINUTES[p] + (GUIDE_MAX_MINUTES[p] - GUIDE_MIN_MINUTES[p]) * f) * 60.0;
            }
            scaleTo(budget, totalSeconds);
        } else {
            for (int p = 0; p < PHASES; p++) {
                budget[p] = GUIDE_MIN_MINUTES[p] * 60.0;
            }
            double deficit = sumMin - totalSeconds;
            double cardioCut = Math.min(deficit, budget[CARDIO] - CARDIO_SHORT_FLOOR_MINUTES * 60.0);
            budget[CARDIO] -= cardioCut;
            deficit -= cardioCut;
            if (deficit > 0) {
                double room = 0;
                for (int p = 0; p < PHASES; p++) {
                    room += budget[p] - PHASE_FLOOR_MINUTES * 60.0;
                }
                double share = Math.min(1.0, deficit / room);
                for (int p = 0; p < PHASES; p++) {
                    budget[p] -= (budget[p] - PHASE_FLOOR_MINUTES * 60.0) * share;
                }
            }
        }
        if (budget[CARDIO] > cardioCapSeconds) {
            double surplus = budget[CARDIO] - cardioCapSeconds;
            budget[CARDIO] = cardioCapSeconds;
            spread(budget, surplus, CARDIO, available);
        }
        releaseUnavailable(budget, available);
        return round(budget, totalSeconds);
    }

    /** The gentle-only day: warm-up, stretching and cool-down only. */
    public static int[] gentle(int totalSeconds, boolean[] available) {
        double[] budget = new double[PHASES];
        for (int p = 0; p < PHASES; p++) {
            budget[p] = GENTLE_SHARE[p] * totalSeconds;
        }
        releaseUnavailable(budget, available);
        return round(budget, totalSeconds);
    }

    /** A phase the catalog cannot fill today hands its time to the phases it can. */
    private static void releaseUnavailable(double[] budget, boolean[] available) {
        for (int p = 0; p < PHASES; p++) {
            if (!available[p] && budget[p] > 0) {
                double freed = budget[p];
                budget[p] = 0;
                spread(budget, freed, p, available);
            }
        }
    }

    private static void spread(double[] budget, double seconds, int from, boolean[] available) {
        double weight = 0;
        for (int p = 0; p < PHASES; p++) {
            if (p != from && available[p]) {
                weight += budget[p];
            }
        }
        if (weight <= 0) {
            // nobody has time yet: share equally among the phases that can take it
            int count = 0;
            for (int p = 0; p < PHASES; p++) {
                if (p != from && available[p]) {
                    count++;
                }
            }
            for (int p = 0; p < PHASES && count > 0; p++) {
                if (p != from && available[p]) {
                    budget[p] += seconds / count;
                }
            }
            return;
        }
        for (int p = 0; p < PHASES; p++) {
            if (p != from && available[p]) {
                budget[p] += seconds * budget[p] / weight;
            }
        }
    }

    private static void scaleTo(double[] budget, double total) {
        double sum = 0;
        for (double b : budget) {
            sum += b;
        }
        if (sum > 0 && Math.abs(sum - total) > 0.5) {
            for (int p = 0; p < budget.length; p++) {
                budget[p] *= total / sum;
            }
        }
    }

    private static int[] round(double[] budget, int total) {
        int[] seconds = new int[PHASES];
        int sum = 0;
        int largest = 0;
        for (int p = 0; p < PHASES; p++) {
            seconds[p] = (int) Math.round(budget[p]);
            sum += seconds[p];
            if (seconds[p] > seconds[largest]) {
                largest = p;
            }
        }
        seconds[largest] += total - sum;
        return seconds;
    }
}
