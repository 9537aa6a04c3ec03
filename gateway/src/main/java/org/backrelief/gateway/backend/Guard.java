package org.backrelief.gateway.backend;

import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * What every call to a backend runs under: a timeout, a limit of calls in flight, a circuit breaker per backend, and
 * retries for idempotent reads only. A 5xx answer counts as a failure and fails the call with a
 * {@link BackendServerError} (the answer is discarded); a refusal or timeout with a {@link GuardRefusal}. The timeout
 * covers the wait for the answer's status and headers; a body that then streams is bounded by the connection's idle
 * timeout.
 */
public interface Guard {

    /** An idempotent read: retried after failures other than refusals and timeouts. The handle abandons the call. */
    <A extends Answer> Cancellable read(BackendCall<A> call, Outcome<? super A> outcome);

    /** A write: never retried (the backend may have acted on it). The handle abandons the call. */
    <A extends Answer> Cancellable write(BackendCall<A> call, Outcome<? super A> outcome);

    /** {@link #read(BackendCall, Outcome)} for code that composes {@code Uni}s (the dashboard); cancelling abandons. */
    default <A extends Answer> Uni<A> read(Supplier<Uni<A>> call) {
        return Uni.createFrom().emitter(emitter -> {
            Cancellable guarded = read(Guard.<A> fromUni(call), Outcome.<A> of(emitter));
            emitter.onTermination(guarded::cancel);
        });
    }

    /** {@link #write(BackendCall, Outcome)} for code that composes {@code Uni}s; cancelling abandons. */
    default <A extends Answer> Uni<A> write(Supplier<Uni<A>> call) {
        return Uni.createFrom().emitter(emitter -> {
            Cancellable guarded = write(Guard.<A> fromUni(call), Outcome.<A> of(emitter));
            emitter.onTermination(guarded::cancel);
        });
    }

    private static <A extends Answer> BackendCall<A> fromUni(Supplier<Uni<A>> call) {
        return outcome -> call.get().subscribe().with(outcome::answered, outcome::failed);
    }
}
