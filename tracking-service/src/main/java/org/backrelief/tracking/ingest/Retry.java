package org.backrelief.tracking.ingest;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * Runs a blocking step until it succeeds, with Mutiny's capped exponential backoff (and jitter, so replicas do not
 * hammer a recovering database in step). Gives up only when the application stops (or the calling thread is
 * interrupted). What this adds to Mutiny's {@code retry().withBackOff()}: the step name in logs and metrics, a
 * listener for failure and recovery (readiness), and the stop check.
 */
public final class Retry {

    private static final Logger LOG = Logger.getLogger(Retry.class);
    private static final int LOG_EVERY = 10;
    private static final double JITTER = 0.2;

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
        AtomicInteger failures = new AtomicInteger();
        try {
            return Uni.createFrom().item(() -> {
                if (stopping.getAsBoolean()) {
                    throw new StoppedException(step);
                }
                return action.get();
            })
                    .onFailure(Retry::retryable).invoke(failure -> {
                        int attempt = failures.incrementAndGet();
                        listener.failed(step, failure);
                        if (attempt == 1 || attempt % LOG_EVERY == 0) {
                            LOG.warnf("%s failed (attempt %d), retrying: %s", step, attempt, failure.toString());
                        }
                    })
                    .onFailure(Retry::retryable).retry().withBackOff(initial, max).withJitter(JITTER).indefinitely()
                    .onItem().invoke(() -> {
                        if (failures.get() > 0) {
                            LOG.infof("%s succeeded after %d retries", step, failures.get());
                            listener.recovered();
                        }
                    })
                    .await().indefinitely();
        } catch (CompletionException e) {
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new StoppedException(step);
            }
            throw e;
        }
    }

    private static boolean retryable(Throwable failure) {
        return failure instanceof RuntimeException && !(failure instanceof StoppedException);
    }

    /** The application is stopping: the batch stays unacknowledged and is redelivered after the restart. */
    public static class StoppedException extends RuntimeException {

        public StoppedException(String step) {
            super("Stopped while retrying: " + step);
        }
    }
}
