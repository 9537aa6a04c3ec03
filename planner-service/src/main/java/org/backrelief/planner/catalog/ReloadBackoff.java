package org.backrelief.planner.catalog;

import java.time.Duration;
import java.util.Optional;

/**
 * How long to wait before reloading again when a reload still does not show an exercise-changed event: doubling from
 * {@code initialDelay} up to {@code maxDelay}, at most {@code maxRetries} times (0 = never retry).
 */
public record ReloadBackoff(Duration initialDelay, Duration maxDelay, int maxRetries) {

    /** Past 2^20 the cap has long been reached; bounds the shift. */
    private static final int MAX_DOUBLINGS = 20;

    public ReloadBackoff {
        initialDelay = initialDelay == null || initialDelay.isNegative() ? Duration.ZERO : initialDelay;
        maxDelay = maxDelay == null || maxDelay.compareTo(initialDelay) < 0 ? initialDelay : maxDelay;
        maxRetries = Math.max(0, maxRetries);
    }

    /** The wait before retry number {@code retry} (1-based); empty once the retries are used up: give up. */
    public Optional<Duration> delayBeforeRetry(int retry) {
        if (retry < 1 || retry > maxRetries) {
            return Optional.empty();
        }
        Duration delay = initialDelay.multipliedBy(1L << Math.min(retry - 1, MAX_DOUBLINGS));
        return Optional.of(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
    }
}
