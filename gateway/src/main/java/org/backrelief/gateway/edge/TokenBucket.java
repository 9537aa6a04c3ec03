package org.backrelief.gateway.edge;

/**
 * A token bucket: holds up to {@code capacity} tokens, refills continuously at {@code refillPerSecond}, and each
 * request takes one. Time is passed in (nanoseconds from any fixed origin) so the arithmetic is testable.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;
    /** Absorbs floating-point rounding, so waiting the announced time is always enough. */
    private static final double EPSILON = 1e-9;

    private final double capacity;
    private final double refillPerNano;
    private double tokens;
    private long updatedNanos;

    TokenBucket(int capacity, double refillPerSecond, long nowNanos) {
        if (capacity < 1 || refillPerSecond <= 0) {
            throw new IllegalArgumentException("capacity must be >= 1 and refill > 0");
        }
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / NANOS_PER_SECOND;
        this.tokens = capacity;
        this.updatedNanos = nowNanos;
    }

    /**
     * Takes a token if there is one.
     *
     * @return 0 if the request may pass, otherwise the nanoseconds until a token will be available
     */
    synchronized long tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1 - EPSILON) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / refillPerNano));
    }

    /** True when the bucket is full again, i.e. dropping it loses nothing. */
    synchronized boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - updatedNanos;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * refillPerNano);
            updatedNanos = nowNanos;
        }
    }
}
