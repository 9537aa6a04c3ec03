package org.backrelief.planner.progression;

/**
 * How much of a session was done, for {@link PainAdaptation}: pain alone does not say whether the person did the
 * session (1 of 12 exercises with pain 2 is not a session to progress from).
 *
 * @param exercisesDone exercises reported {@code DONE}
 * @param exercisesInSession exercises the session's routine prescribed (unreported ones count as not done)
 * @param skippedForPain exercises skipped because of pain (skip cause {@code PAIN}); each counts like a pain report
 */
public record SessionEffort(int exercisesDone, int exercisesInSession, int skippedForPain) {

    /** Whether less than {@link PainAdaptation#MIN_DONE_PERCENT} % of the session was done. */
    public boolean mostlyNotDone() {
        return exercisesDone * 100 < PainAdaptation.MIN_DONE_PERCENT * exercisesInSession;
    }

    /** Whether at least half of the session was skipped because of pain. */
    public boolean mostlySkippedForPain() {
        return exercisesInSession > 0 && skippedForPain * 2 >= exercisesInSession;
    }
}
