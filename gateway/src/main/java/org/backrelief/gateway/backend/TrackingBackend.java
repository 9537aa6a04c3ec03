package org.backrelief.gateway.backend;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.mutiny.Uni;

/**
 * Guarded calls to tracking-service: every call has a timeout, a bulkhead and a circuit breaker (an outage answers fast
 * and recovers on its own), and only idempotent reads are retried, only for refused connections and 5xx answers.
 * All of it stays on the event loop. Values can be overridden in configuration (see application.properties).
 */
@ApplicationScoped
public class TrackingBackend {

    @AsynchronousNonBlocking
    @Timeout(GuardDefaults.READ_TIMEOUT_MS)
    @Retry(maxRetries = GuardDefaults.READ_RETRIES, delay = GuardDefaults.RETRY_DELAY_MS,
            jitter = GuardDefaults.RETRY_JITTER_MS, maxDuration = GuardDefaults.RETRY_MAX_DURATION_MS,
            abortOn = { CircuitBreakerOpenException.class, BulkheadException.class, TimeoutException.class })
    @CircuitBreaker(requestVolumeThreshold = GuardDefaults.BREAKER_VOLUME, failureRatio = GuardDefaults.BREAKER_RATIO,
            delay = GuardDefaults.BREAKER_DELAY_MS, successThreshold = GuardDefaults.BREAKER_SUCCESSES)
    @Bulkhead(value = GuardDefaults.CONCURRENT_CALLS, waitingTaskQueue = GuardDefaults.QUEUED_CALLS)
    public Uni<Response> read(Supplier<Uni<Response>> call) {
        return Relay.checked(Backend.TRACKING, call);
    }

    @AsynchronousNonBlocking
    @Timeout(GuardDefaults.WRITE_TIMEOUT_MS)
    @CircuitBreaker(requestVolumeThreshold = GuardDefaults.BREAKER_VOLUME, failureRatio = GuardDefaults.BREAKER_RATIO,
            delay = GuardDefaults.BREAKER_DELAY_MS, successThreshold = GuardDefaults.BREAKER_SUCCESSES)
    @Bulkhead(value = GuardDefaults.CONCURRENT_CALLS, waitingTaskQueue = GuardDefaults.QUEUED_CALLS)
    public Uni<Response> write(Supplier<Uni<Response>> call) {
        return Relay.checked(Backend.TRACKING, call);
    }
}
