package org.backrelief.planner.progression;

/**
 * Pain-monitored adaptation (the pain-monitoring model used in graded exercise for back pain, e.g. Silbernagel's
 * model; 0-10 scale): pain during or after a session, and again the next day, decides whether the schedule goes on.
 * <ul>
 * <li>pain up to {@value #PROGRESS_MAX_PAIN}: acceptable, progress as scheduled;</li>
 * <li>pain {@value #HOLD_MIN_PAIN}-{@value #HOLD_MAX_PAIN}: hold the current step (no step up next week);</li>
 * <li>pain above {@value #HOLD_MAX_PAIN}, or next-day pain higher than before the session: step back one level and
 * rebuild the remaining sessions.</li>
 * </ul>
 * At a completion, how much of the session was done counts too ({@link SessionEffort}): an exercise skipped because of
 * pain counts like pain in the hold band (so at least hold; half or more of the session skipped for pain steps back),
 * and a session with less than {@value #MIN_DONE_PERCENT} % of its exercises done holds the step (graded activity
 * raises the quota only once the current one is met). The stricter of the pain decision and these wins.
 */
public final class PainAdaptation {

    public static final int PROGRESS_MAX_PAIN = 3;
    public static final int HOLD_MIN_PAIN = 4;
    public static final int HOLD_MAX_PAIN = 5;
    /** A session counts as done (for progressing) when at least this share of its exercises was done. */
    public static final int MIN_DONE_PERCENT = 75;

    public enum Decision {
        PROGRESS,
        HOLD,
        STEP_BACK
    }

    public record Assessment(Decision decision, String reason) {
    }

    private PainAdaptation() {
    }

    /** At completion: pain during/after the session (the higher of the two reports the session asks for). */
    public static Assessment afterSession(int painBefore, int painAfter) {
        if (painAfter > HOLD_MAX_PAIN) {
            return new Assessment(Decision.STEP_BACK, "Pain after the session was " + painAfter + "/10 (above "
                    + HOLD_MAX_PAIN + "): stepping back one level and rebuilding the coming sessions.");
        }
        if (painAfter >= HOLD_MIN_PAIN) {
            return new Assessment(Decision.HOLD, "Pain after the session was " + painAfter + "/10 (" + HOLD_MIN_PAIN
                    + "-" + HOLD_MAX_PAIN + "): holding the current level instead of stepping up.");
        }
        return new Assessment(Decision.PROGRESS, "Pain after the session was " + painAfter + "/10 (up to "
                + PROGRESS_MAX_PAIN + "): progressing as scheduled.");
    }

    /**
     * At completion, with how much of the session was done and why things were skipped: the stricter of the pain
     * decision ({@link #afterSession(int, int)}) and what the effort says.
     */
    public static Assessment afterSession(int painBefore, int painAfter, SessionEffort effort) {
        Assessment pain = afterSession(painBefore, painAfter);
        if (effort == null || effort.exercisesInSession() <= 0) {
            return pain;
        }
        String did = "You did " + effort.exercisesDone() + " of " + effort.exercisesInSession() + " exercises";
        Assessment byEffort;
        if (effort.mostlySkippedForPain()) {
            byEffort = new Assessment(Decision.STEP_BACK, did + " and skipped " + effort.skippedForPain()
                    + " because of pain (half or more of the session): stepping back one level and rebuilding the"
                    + " coming sessions.");
        } else if (effort.skippedForPain() > 0) {
            byEffort = new Assessment(Decision.HOLD, did + "; " + effort.skippedForPain() + (effort.skippedForPain() == 1
                    ? " was" : " were") + " skipped because of pain, which counts like pain of " + HOLD_MIN_PAIN + "-"
                    + HOLD_MAX_PAIN + "/10: holding the current level instead of stepping up.");
        } else if (effort.mostlyNotDone()) {
            byEffort = new Assessment(Decision.HOLD, did + " (less than " + MIN_DONE_PERCENT + " %): holding the"
                    + " current level until most of a session is done.");
        } else {
            return pain;
        }
        return byEffort.decision().ordinal() > pain.decision().ordinal() ? byEffort : pain;
    }

    /** At the next-day check-in, against the pain reported before the session. */
    public static Assessment nextDay(int pain, int painBeforeSession) {
        if (pain > HOLD_MAX_PAIN) {
            return new Assessment(Decision.STEP_BACK, "Next-day pain was " + pain + "/10 (above " + HOLD_MAX_PAIN
                    + "): stepping back one level and rebuilding the coming sessions.");
        }
        if (pain > painBeforeSession) {
            return new Assessment(Decision.STEP_BACK, "Next-day pain (" + pain + "/10) was higher than before the"
                    + " session (" + painBeforeSession + "/10): stepping back one level and rebuilding the coming sessions.");
        }
        if (pain >= HOLD_MIN_PAIN) {
            return new Assessment(Decision.HOLD, "Next-day pain was " + pain + "/10 (" + HOLD_MIN_PAIN + "-"
                    + HOLD_MAX_PAIN + "): holding the current level instead of stepping up.");
        }
        return new Assessment(Decision.PROGRESS, "Next-day pain was " + pain + "/10 (up to " + PROGRESS_MAX_PAIN
                + ") and not above the pre-session level: progressing as scheduled.");
    }

    /**
     * The schedule after a decision about a session done in {@code sessionWeek} at {@code sessionStep}. Hold keeps
     * that step through the next week; step back goes one below it. A decision never loosens an earlier, stricter
     * one, so applying the same report twice (a retry, or a check-in after a completion) changes nothing.
     */
    public static StepAnchor adapt(StepAnchor current, Decision decision, int sessionWeek, int sessionStep) {
        StepAnchor candidate = switch (decision) {
            case PROGRESS -> current;
            case HOLD -> new StepAnchor(sessionWeek + 1, ProgressionRules.clamp(sessionStep));
            case STEP_BACK -> new StepAnchor(sessionWeek + 1, ProgressionRules.clamp(sessionStep - 1));
        };
        int nextWeek = sessionWeek + 1;
        return candidate.stepForWeek(nextWeek) < current.stepForWeek(nextWeek) ? candidate : current;
    }
}
