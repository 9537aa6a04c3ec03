package org.backrelief.gateway.backend;

import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * What every call to a backend runs under: a timeout, a limit of calls in flight, a circuit breaker per backend, and
 * retries for idempotent reads only. A 5xx answer counts as a failure and fails the call with a
 * {@link BackendServerError}; a refusal or timeout with a {@link GuardRefusal}.
 */
public interface Guard {

    /** An idempotent read: retried after failures other than refusals and timeouts. */
    Uni<BackendAnswer> read(Supplier<Uni<BackendAnswer>> call);

    /** A write: never retried (the backend may have acted on it). */
    Uni<BackendAnswer> write(Supplier<Uni<BackendAnswer>> call);
}
