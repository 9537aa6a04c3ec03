package org.backrelief.planner.checkin;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.backrelief.common.problem.ProblemException;

/**
 * When a check-in counts as answered. A phone that was offline sends its check-in later, so the request may say when
 * the person answered; the pain trend and the plan's "latest pain" use that time, not the arrival.
 */
public final class CheckInTime {

    /** How far back a late check-in is still taken: past a week the pain no longer says anything about the session. */
    public static final Duration MAX_DELAY = Duration.ofDays(7);
    /** A device's clock may run a little ahead of the server's. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private CheckInTime() {
    }

    /**
     * The answered time of a check-in arriving {@code now}: {@code requested} if given (to the millisecond), else now.
     *
     * @throws ProblemException 400 naming {@code answeredAt} when it lies in the future or more than a week back
     */
    public static Instant answeredAt(Instant requested, Instant now) {
        if (requested == null) {
            return now;
        }
        if (requested.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.badRequest("answeredAt", "must not be in the future");
        }
        if (requested.isBefore(now.minus(MAX_DELAY))) {
            throw ProblemException.badRequest("answeredAt",
                    "must be within the last " + MAX_DELAY.toDays() + " days");
        }
        Instant answered = requested.truncatedTo(ChronoUnit.MILLIS);
        return answered.isAfter(now) ? now : answered;
    }
}
