package org.backrelief.tracking.ingest;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

/**
 * Runs a step until it succeeds, pausing with capped exponential backoff (and jitter, so replicas do not hammer a
 * recovering database in step). Gives up only when the application stops.
 */
public final class Retry {

    private static final Logger LOG = Logger.getLogger(Retry.class);
    private static final int LOG_EVERY = 10;

    private final Duration initial;
    private final Duration max;
    private final BooleanSupplier stopping;

    public Retry(Duration initial, Duration max, BooleanSupplier stopping) {
        this.initial = initial;
        this.max = max;
        this.stopping = stopping;
    }

    /** Listens to failures and to the recovery that ends them. */
    public interface Listener {

        void failed(String step, Throwable failure);

        void recovered();
    }

    public <T> T untilSuccess(String step, Supplier<T> action, Listener listener) {
        int attempt = 0;
        while (true) {
            if (stopping.getAsBoolean()) {
                throw new StoppedException(step);
            }
            try {
                T result = action.get();
                if (attempt > 0) {
                    LOG.infof("%s succeeded after %d retries", step, attempt);
                    listener.recovered();
                }
                return result;
            } catch (RuntimeException e) {
                attempt++;
                listener.failed(step, e);
                if (attempt == 1 || attempt % LOG_EVERY == 0) {
                    LOG.warnf("%s failed (attempt %d), retrying: %s", step, attempt, e.toString());
                }
                pause(delay(attempt), step);
            }
        }
    }

    Duration delay(int attempt) {
        long base = initial.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(Math.max(base, 1), max.toMillis());
        // +-20 % jitter
        long jitter = (long) (capped * 0.2 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
        return Duration.ofMillis(Math.max(1, capped + jitter));
    }

    private void pause(Duration delay, String step) {
        // sleep in slices so a shutdown is noticed quickly
        long until = System.nanoTime() + delay.toNanos();
        try {
            while (System.nanoTime() < until && !stopping.getAsBoolean()) {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoppedException(step);
        }
    }

    /** The application is stopping: the batch stays unacknowledged and is redelivered after the restart. */
    public static class StoppedException extends RuntimeException {

        StoppedException(String step) {
            super("Stopped while retrying: " + step);
        }
    }
}
