package org.backrelief.planner.routine;

/**
 * How long a prescription takes, in seconds. One place, so the estimate shown to the person, the time budget and
 * the recorded durations all agree.
 * <ul>
 * <li>a repetition takes {@value #SECONDS_PER_REP} s (a controlled tempo), plus its hold when there is one;</li>
 * <li>a hold without repetitions is one hold;</li>
 * <li>per side doubles a set and adds {@value #SIDE_SWITCH_SECONDS} s to switch sides;</li>
 * <li>sets are separated by the prescribed rest (none after the last set);</li>
 * <li>a timed activity takes its minutes;</li>
 * <li>every exercise adds {@value #TRANSITION_SECONDS} s to read it, set up and get into position.</li>
 * </ul>
 */
public final class TimingModel {

    public static final int SECONDS_PER_REP = 3;
    public static final int SIDE_SWITCH_SECONDS = 5;
    public static final int TRANSITION_SECONDS = 15;
    public static final int SECONDS_PER_MINUTE = 60;

    private TimingModel() {
    }

    /** The active time of a prescription; zero means "not prescribed" for every number. */
    public static int workSeconds(int sets, int reps, int holdSeconds, boolean perSide, int minutes, int restSeconds) {
        if (minutes > 0) {
            return minutes * SECONDS_PER_MINUTE;
        }
        int set;
        if (reps > 0) {
            set = reps * (holdSeconds + SECONDS_PER_REP);
        } else {
            set = Math.max(holdSeconds, SECONDS_PER_REP);
        }
        if (perSide) {
            set = set * 2 + SIDE_SWITCH_SECONDS;
        }
        int allSets = Math.max(1, sets);
        return allSets * set + (allSets - 1) * Math.max(0, restSeconds);
    }

    /** The estimate shown per exercise: the work plus the transition into it. */
    public static int estimateSeconds(int sets, int reps, int holdSeconds, boolean perSide, int minutes,
            int restSeconds) {
        return workSeconds(sets, reps, holdSeconds, perSide, minutes, restSeconds) + TRANSITION_SECONDS;
    }
}
