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
 */
public final class PainAdaptation {

    public static final int PROGRESS_MAX_PAIN = 3;
    public static final int HOLD_MIN_PAIN = 4;
    public static final int HOLD_MAX_PAIN = 5;

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
