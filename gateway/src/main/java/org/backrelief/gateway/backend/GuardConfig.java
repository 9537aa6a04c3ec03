package org.backrelief.gateway.backend;

import java.time.Duration;

import io.smallrye.config.WithDefault;

/**
 * {@code backrelief.backend.guard.*} (a group of {@link BackendConfig}): the guard around every backend call (see {@link BackendGuard}). A read retries
 * only failed calls that were not refused by the guard or timed out (a timed-out backend is slow, not gone: retrying
 * would only add load), so an outage is answered in well under a second even before the circuit opens.
 */
public interface GuardConfig {

    /** Which implementation guards the calls (both keep the same rules and metrics); see BENCHMARKS.md for the choice. */
    enum Implementation {
        /** {@link BackendGuard}: hand-written, on the event loop. */
        HAND_WRITTEN,
        /** {@link LibraryGuard}: SmallRye Fault Tolerance's programmatic {@code TypedGuard}. */
        SMALLRYE
    }

    @WithDefault("hand-written")
    Implementation implementation();

    /** Longest wait for a read (GET) before the client gets 503. */
    @WithDefault("2s")
    Duration readTimeout();

    /** Longest wait for a write: creating a program takes longer than reading one. */
    @WithDefault("5s")
    Duration writeTimeout();

    /** Extra attempts of a failed read (connection refused, 5xx). Writes are never retried. */
    @WithDefault("2")
    int readRetries();

    @WithDefault("100ms")
    Duration retryDelay();

    /** Random extra delay up to this much, so retries of many clients do not arrive in step. */
    @WithDefault("50ms")
    Duration retryJitter();

    /** No retry starts later than this after the first attempt. */
    @WithDefault("3s")
    Duration retryMaxDuration();

    /** The circuit opens when at least {@code breaker-failure-ratio} of the last {@code breaker-volume} calls failed. */
    @WithDefault("20")
    int breakerVolume();

    @WithDefault("0.5")
    double breakerFailureRatio();

    /** How long an open circuit refuses calls before it lets probes through. */
    @WithDefault("5s")
    Duration breakerDelay();

    /** Successful probes needed to close the circuit again (one failed probe opens it again). */
    @WithDefault("2")
    int breakerSuccesses();

    /** Calls in flight per backend at most; more are refused at once (the backend is overloaded, not queued for). */
    @WithDefault("768")
    int maxConcurrentCalls();
}
