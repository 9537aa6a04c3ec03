package org.backrelief.gateway.backend;

/**
 * Default fault-tolerance values of the backend guards, in one place. A read retries only refused connections and
 * 5xx answers (a timed-out backend is slow, not gone: retrying would only add load), so an outage is answered in
 * well under a second even before the circuit opens.
 */
final class GuardDefaults {

    static final long READ_TIMEOUT_MS = 2_000;
    static final long WRITE_TIMEOUT_MS = 5_000;
    static final int READ_RETRIES = 2;
    static final long RETRY_DELAY_MS = 100;
    static final long RETRY_JITTER_MS = 50;
    static final long RETRY_MAX_DURATION_MS = 3_000;
    /** The breaker opens when half of the last 20 calls failed, and probes again after 5 s. */
    static final int BREAKER_VOLUME = 20;
    static final double BREAKER_RATIO = 0.5;
    static final long BREAKER_DELAY_MS = 5_000;
    static final int BREAKER_SUCCESSES = 2;
    /** Sized above the benchmark's 64 concurrent clients, so the bulkhead only sheds real overload. */
    static final int CONCURRENT_CALLS = 256;
    static final int QUEUED_CALLS = 512;

    private GuardDefaults() {
    }
}
