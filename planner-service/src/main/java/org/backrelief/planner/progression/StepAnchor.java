package org.backrelief.planner.progression;

/**
 * Where a program's step schedule stands: from {@code week} on, sessions are at {@code step}, rising by one every
 * {@link ProgressionRules#WEEKS_PER_STEP} week(s). Sessions of earlier weeks that are still open also use
 * {@code step}, so a step back applies to the rest of the current week too.
 */
public record StepAnchor(int week, int step) {

    public static StepAnchor start(int startStep) {
        return new StepAnchor(1, ProgressionRules.clamp(startStep));
    }

    public int stepForWeek(int programWeek) {
        return ProgressionRules.clamp(step + Math.max(0, programWeek - week) / ProgressionRules.WEEKS_PER_STEP);
    }
}
