package org.backrelief.gateway.backend;

import java.util.function.LongSupplier;

/**
 * A count-based circuit breaker, as MicroProfile Fault Tolerance defines it: CLOSED while fewer than
 * {@code failureRatio} of the last {@code volume} calls failed; then OPEN, refusing every call for {@code delayNanos};
 * then HALF_OPEN, letting up to {@code successThreshold} probes through: that many successes close it, one failure
 * opens it again. Every {@link #tryAcquire()} that returns true must be followed by exactly one of
 * {@link #onSuccess()}, {@link #onFailure()} or {@link #onAbandoned()}.
 *
 * <p>
 * Two short critical sections per call: far cheaper than the interceptor chain it replaces, and uncontended in
 * practice. Time is passed in, so the state machine is unit-testable.
 */
public final class CircuitBreaker {

    public enum State {
        CLOSED, OPEN, HALF_OPEN
    }

    private final int volume;
    private final int failureThreshold;
    private final long delayNanos;
    private final int successThreshold;
    private final LongSupplier nanoClock;

    /** The outcomes of the last {@code volume} calls while closed (true = failed), as a ring. */
    private final boolean[] window;
    private int windowNext;
    private int windowSize;
    private int windowFailures;

    private State state = State.CLOSED;
    private long openedAtNanos;
    private int probesInFlight;
    private int probeSuccesses;

    public CircuitBreaker(int volume, double failureRatio, long delayNanos, int successThreshold, LongSupplier nanoClock) {
        if (volume < 1 || failureRatio <= 0 || failureRatio > 1 || successThreshold < 1 || delayNanos < 0) {
            throw new IllegalArgumentException("invalid circuit breaker settings");
        }
        this.volume = volume;
        this.failureThreshold = Math.max(1, (int) Math.ceil(failureRatio * volume));
        this.delayNanos = delayNanos;
        this.successThreshold = successThreshold;
        this.nanoClock = nanoClock;
        this.window = new boolean[volume];
    }

    /** True if a call may go to the backend now. */
    public synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (nanoClock.getAsLong() - openedAtNanos < delayNanos) {
                    return false;
                }
                state = State.HALF_OPEN;
                probesInFlight = 0;
                probeSuccesses = 0;
                // fall through: this call is the first probe
            default:
                if (probesInFlight + probeSuccesses >= successThreshold) {
                    return false;
                }
                probesInFlight++;
                return true;
        }
    }

    public synchronized void onSuccess() {
        if (state == State.HALF_OPEN) {
            probesInFlight = Math.max(0, probesInFlight - 1);
            if (++probeSuccesses >= successThreshold) {
                close();
            }
        } else if (state == State.CLOSED) {
            record(false);
        }
    }

    public synchronized void onFailure() {
        if (state == State.HALF_OPEN) {
            open();
        } else if (state == State.CLOSED) {
            record(true);
            if (windowSize == volume && windowFailures >= failureThreshold) {
                open();
            }
        }
    }

    /** The call ended without an outcome (the client went away): a probe slot is freed, nothing is counted. */
    public synchronized void onAbandoned() {
        if (state == State.HALF_OPEN) {
            probesInFlight = Math.max(0, probesInFlight - 1);
        }
    }

    public synchronized State state() {
        return state;
    }

    private void record(boolean failed) {
        if (windowSize == volume) {
            if (window[windowNext]) {
                windowFailures--;
            }
        } else {
            windowSize++;
        }
        window[windowNext] = failed;
        if (failed) {
            windowFailures++;
        }
        windowNext = (windowNext + 1) % volume;
    }

    private void open() {
        state = State.OPEN;
        openedAtNanos = nanoClock.getAsLong();
    }

    private void close() {
        state = State.CLOSED;
        windowNext = 0;
        windowSize = 0;
        windowFailures = 0;
        probesInFlight = 0;
        probeSuccesses = 0;
    }
}
