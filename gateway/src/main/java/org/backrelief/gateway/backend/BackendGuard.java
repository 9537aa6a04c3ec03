package org.backrelief.gateway.backend;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * The guard around every call to one backend: a timeout, a concurrency limit, a circuit breaker shared by all routes
 * of the backend (an outage answers fast and recovers on its own), and retries for idempotent reads only. A 5xx answer
 * counts as a failure and becomes a {@link BackendServerError}.
 *
 * <p>
 * Programmatic rather than MicroProfile Fault Tolerance annotations: the interceptor chain (four strategies, their
 * per-invocation metrics, a strategy cache lookup) cost more CPU per request than the relay itself. Everything here
 * runs on the event loop: timers are Vert.x timers, nothing blocks, and the outcome is passed on by plain callbacks
 * (no {@code Uni} per call).
 *
 * <p>
 * Kept over SmallRye Fault Tolerance's programmatic {@code TypedGuard} ({@link LibraryGuard}, same rules): measured
 * side by side in one bench run (BENCHMARKS.md, 2026-12-05) the library cost 0.06–0.08 ms more CPU per relayed request
 * (0.34–0.36 ms against 0.28 ms, +21–29 %) on all three measured routes; throughput was within noise. Measured
 * again on the streaming relay (same day, later run): 0.27–0.30 ms against 0.18–0.23 ms.
 */
public final class BackendGuard implements Guard {

    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final Backend backend;
    private final CircuitBreaker breaker;
    private final Timers timers;
    private final LongSupplier nanoClock;
    private final long readTimeoutMs;
    private final long writeTimeoutMs;
    private final int readRetries;
    private final long retryDelayMs;
    private final long retryJitterMs;
    private final long retryMaxDurationNanos;
    private final int maxConcurrent;
    private final AtomicInteger inFlight = new AtomicInteger();

    private final GuardMetrics metrics;

    public BackendGuard(Backend backend, GuardConfig config, Timers timers, LongSupplier nanoClock, MeterRegistry registry) {
        this.backend = backend;
        this.timers = timers;
        this.nanoClock = nanoClock;
        this.breaker = new CircuitBreaker(config.breakerVolume(), config.breakerFailureRatio(),
                config.breakerDelay().toNanos(), config.breakerSuccesses(), nanoClock);
        this.readTimeoutMs = config.readTimeout().toMillis();
        this.writeTimeoutMs = config.writeTimeout().toMillis();
        this.readRetries = Math.max(0, config.readRetries());
        this.retryDelayMs = config.retryDelay().toMillis();
        this.retryJitterMs = config.retryJitter().toMillis();
        this.retryMaxDurationNanos = config.retryMaxDuration().toNanos();
        this.maxConcurrent = config.maxConcurrentCalls();
        this.metrics = new GuardMetrics(backend, registry, () -> breaker.state() == CircuitBreaker.State.CLOSED);
    }

    @Override
    public <A extends Answer> Cancellable read(BackendCall<A> call, Outcome<? super A> outcome) {
        GuardedCall<A> guarded = new GuardedCall<>(call, outcome, readTimeoutMs, readRetries);
        guarded.start();
        return guarded;
    }

    @Override
    public <A extends Answer> Cancellable write(BackendCall<A> call, Outcome<? super A> outcome) {
        GuardedCall<A> guarded = new GuardedCall<>(call, outcome, writeTimeoutMs, 0);
        guarded.start();
        return guarded;
    }

    public CircuitBreaker.State circuit() {
        return breaker.state();
    }

    int inFlight() {
        return inFlight.get();
    }

    /** One guarded call, possibly in several attempts; passes exactly one outcome on; cancelling abandons it. */
    private final class GuardedCall<A extends Answer> implements Cancellable {

        private final BackendCall<A> call;
        private final Outcome<? super A> outcome;
        private final long timeoutMs;
        private final long startedNanos;
        private int retriesLeft;
        private volatile Attempt<A> current;
        private volatile boolean cancelled;

        GuardedCall(BackendCall<A> call, Outcome<? super A> outcome, long timeoutMs, int retries) {
            this.call = call;
            this.outcome = outcome;
            this.timeoutMs = timeoutMs;
            this.retriesLeft = retries;
            this.startedNanos = nanoClock.getAsLong();
        }

        void start() {
            if (cancelled) {
                return;
            }
            if (!breaker.tryAcquire()) {
                metrics.refused.increment();
                outcome.failed(new GuardRefusal(backend, GuardRefusal.Reason.CIRCUIT_OPEN));
                return;
            }
            if (inFlight.incrementAndGet() > maxConcurrent) {
                inFlight.decrementAndGet();
                breaker.onFailure();
                metrics.refused.increment();
                outcome.failed(new GuardRefusal(backend, GuardRefusal.Reason.OVERLOADED));
                return;
            }
            Attempt<A> attempt = new Attempt<>(this);
            current = attempt;
            attempt.begin();
        }

        /** The caller gave up (or the call completed: then the attempt is finished and this does nothing). */
        @Override
        public void cancel() {
            cancelled = true;
            Attempt<A> attempt = current;
            if (attempt != null) {
                attempt.abandon();
            }
        }

        void answered(A response) {
            outcome.answered(response);
        }

        void failed(Throwable failure) {
            if (retriesLeft > 0 && !(failure instanceof GuardRefusal) && !cancelled) {
                long delay = retryDelayMs + (retryJitterMs > 0 ? ThreadLocalRandom.current().nextLong(retryJitterMs + 1) : 0);
                if (nanoClock.getAsLong() + delay * NANOS_PER_MILLI - startedNanos <= retryMaxDurationNanos) {
                    retriesLeft--;
                    metrics.retried.increment();
                    timers.schedule(delay, this::start);
                    return;
                }
            }
            if (!cancelled) {
                outcome.failed(failure);
            }
        }
    }

    /** One attempt: holds a concurrency slot and a breaker permit until exactly one outcome is recorded. */
    private final class Attempt<A extends Answer> implements Outcome<A> {

        private final GuardedCall<A> owner;
        private final AtomicInteger done = new AtomicInteger();
        private volatile long timer = -1;
        private volatile Cancellable upstream;

        Attempt(GuardedCall<A> owner) {
            this.owner = owner;
        }

        void begin() {
            timer = timers.schedule(owner.timeoutMs, this::timeout);
            Cancellable started;
            try {
                started = owner.call.start(this);
            } catch (RuntimeException e) {
                failed(e);
                return;
            }
            upstream = started;
            if (done.get() != 0 && started != null) {
                started.cancel();
            }
        }

        private boolean finish() {
            if (!done.compareAndSet(0, 1)) {
                return false;
            }
            long id = timer;
            if (id >= 0) {
                timers.cancel(id);
            }
            inFlight.decrementAndGet();
            return true;
        }

        @Override
        public void answered(A response) {
            if (!finish()) {
                response.discard(); // too late: timed out or abandoned
                return;
            }
            if (response.status() >= 500) {
                response.discard();
                breaker.onFailure();
                metrics.failed.increment();
                owner.failed(new BackendServerError(backend, response.status()));
            } else {
                breaker.onSuccess();
                metrics.succeeded.increment();
                owner.answered(response);
            }
        }

        @Override
        public void failed(Throwable failure) {
            if (!finish()) {
                return;
            }
            breaker.onFailure();
            metrics.failed.increment();
            owner.failed(failure);
        }

        private void timeout() {
            if (!finish()) {
                return;
            }
            cancelUpstream();
            breaker.onFailure();
            metrics.timedOut.increment();
            owner.failed(new GuardRefusal(backend, GuardRefusal.Reason.TIMEOUT));
        }

        void abandon() {
            if (!finish()) {
                return;
            }
            cancelUpstream();
            breaker.onAbandoned();
        }

        private void cancelUpstream() {
            Cancellable subscription = upstream;
            if (subscription != null) {
                subscription.cancel();
            }
        }
    }
}
