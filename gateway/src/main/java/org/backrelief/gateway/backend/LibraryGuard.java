package org.backrelief.gateway.backend;

import static java.time.temporal.ChronoUnit.MILLIS;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.util.TypeLiteral;

/**
 * The same guard as {@link BackendGuard}, built from SmallRye Fault Tolerance's programmatic {@link TypedGuard}
 * (selected with {@code backrelief.backend.guard.implementation=smallrye}). Per backend, one guard with the circuit
 * breaker and the concurrency limit (bulkhead) is shared by reads and writes; reads run inside a second guard that
 * retries. The timeout sits inside the breaker (so a slow backend opens it) and differs for reads and writes, so it
 * is Mutiny's {@code ifNoItem()} on each attempt rather than a third guard layer.
 *
 * <p>
 * Not the default: measured against {@link BackendGuard} in one bench run it cost 0.06–0.08 ms more CPU per relayed
 * request (+21–29 %, BENCHMARKS.md). Kept selectable and tested so the comparison can be repeated.
 */
public final class LibraryGuard implements Guard {

    private static final TypeLiteral<Uni<Answer>> ANSWER = new TypeLiteral<>() {
    };

    private final Backend backend;
    private final TypedGuard<Uni<Answer>> breaker;
    private final TypedGuard<Uni<Answer>> retry;
    private final java.time.Duration readTimeout;
    private final java.time.Duration writeTimeout;
    private final AtomicBoolean closed = new AtomicBoolean(true);
    private final GuardMetrics metrics;

    public LibraryGuard(Backend backend, GuardConfig config, MeterRegistry registry) {
        this.backend = backend;
        this.readTimeout = config.readTimeout();
        this.writeTimeout = config.writeTimeout();
        this.metrics = new GuardMetrics(backend, registry, closed::get);
        this.breaker = TypedGuard.create(ANSWER)
                .withCircuitBreaker()
                    .requestVolumeThreshold(config.breakerVolume())
                    .failureRatio(config.breakerFailureRatio())
                    .delay(config.breakerDelay().toMillis(), MILLIS)
                    .successThreshold(config.breakerSuccesses())
                    .onStateChange(state -> closed.set(state == CircuitBreakerState.CLOSED))
                    .done()
                .withBulkhead().limit(config.maxConcurrentCalls()).queueSize(1).done()
                .withThreadOffload(false)
                .build();
        TypedGuard.Builder<Uni<Answer>> retrying = TypedGuard.create(ANSWER).withThreadOffload(false);
        if (config.readRetries() > 0) {
            retrying = retrying.withRetry()
                    .maxRetries(config.readRetries())
                    .delay(config.retryDelay().toMillis(), MILLIS)
                    .jitter(config.retryJitter().toMillis(), MILLIS)
                    .maxDuration(config.retryMaxDuration().toMillis(), MILLIS)
                    // refused or timed out: retrying would only add load to a backend that is gone or slow
                    .abortOn(List.of(GuardRefusal.class, CircuitBreakerOpenException.class, BulkheadException.class))
                    .onRetry(metrics.retried::increment)
                    .done();
        }
        this.retry = retrying.build();
    }

    @Override
    public <A extends Answer> Cancellable read(BackendCall<A> call, Outcome<? super A> outcome) {
        return subscribe(refusals(retry.get(() -> breaker.get(() -> attempt(call, readTimeout)))), outcome);
    }

    @Override
    public <A extends Answer> Cancellable write(BackendCall<A> call, Outcome<? super A> outcome) {
        return subscribe(refusals(breaker.get(() -> attempt(call, writeTimeout))), outcome);
    }

    @SuppressWarnings("unchecked") // every Answer in the chain comes from the caller's own BackendCall<A>
    private static <A extends Answer> Cancellable subscribe(Uni<Answer> guarded, Outcome<? super A> outcome) {
        return guarded.subscribe().with(answer -> outcome.answered((A) answer), outcome::failed);
    }

    /** One attempt: a 5xx is a failure (the breaker counts it, a read retries it); the timeout fails it too. */
    private <A extends Answer> Uni<Answer> attempt(BackendCall<A> call, java.time.Duration timeout) {
        return Uni.createFrom().<Answer> emitter(emitter -> {
            Cancellable started = call.start(Outcome.of(emitter));
            emitter.onTermination(started::cancel);
        })
                .ifNoItem().after(timeout).failWith(() -> new GuardRefusal(backend, GuardRefusal.Reason.TIMEOUT))
                .onItem().transformToUni(answer -> {
                    if (answer.status() >= 500) {
                        answer.discard();
                        metrics.failed.increment();
                        return Uni.createFrom().failure(new BackendServerError(backend, answer.status()));
                    }
                    metrics.succeeded.increment();
                    return Uni.createFrom().item(answer);
                })
                .onFailure().invoke(failure -> {
                    if (failure instanceof GuardRefusal) {
                        metrics.timedOut.increment();
                    } else if (!(failure instanceof BackendServerError)) {
                        metrics.failed.increment();
                    }
                });
    }

    /** The library's refusals as the gateway's own, so the relay answers them exactly like {@link BackendGuard}'s. */
    private Uni<Answer> refusals(Uni<Answer> guarded) {
        return guarded.onFailure(CircuitBreakerOpenException.class).transform(e -> refused(GuardRefusal.Reason.CIRCUIT_OPEN))
                .onFailure(BulkheadException.class).transform(e -> refused(GuardRefusal.Reason.OVERLOADED));
    }

    private GuardRefusal refused(GuardRefusal.Reason reason) {
        metrics.refused.increment();
        return new GuardRefusal(backend, reason);
    }
}
