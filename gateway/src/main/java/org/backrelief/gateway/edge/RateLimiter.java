package org.backrelief.gateway.edge;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * In-memory rate limits, one {@link TokenBucket} per client key. Memory is bounded: when more than
 * {@code maxTracked} clients are known, buckets that have refilled completely are dropped (a new bucket for them
 * would be identical). Limits are per gateway instance; with N replicas a client gets up to N times the rate.
 */
public final class RateLimiter {

    /** What became of a request: allowed, or refused with the seconds to wait. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
        public static final Decision ALLOWED = new Decision(true, 0);
    }

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final int maxTracked;
    private final LongSupplier nanoClock;

    public RateLimiter(int maxTracked, LongSupplier nanoClock) {
        this.maxTracked = maxTracked;
        this.nanoClock = nanoClock;
    }

    public Decision take(String key, RateLimitConfig.Limit limit) {
        long now = nanoClock.getAsLong();
        TokenBucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxTracked) {
                evictIdle(now);
            }
            bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(limit.capacity(), limit.refillPerSecond(), now));
        }
        long waitNanos = bucket.tryTake(now);
        if (waitNanos == 0) {
            return Decision.ALLOWED;
        }
        return new Decision(false, Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
    }

    /** Drops the buckets that are full again; returns how many were dropped. */
    public int evictIdle() {
        return evictIdle(nanoClock.getAsLong());
    }

    int tracked() {
        return buckets.size();
    }

    private int evictIdle(long now) {
        int before = buckets.size();
        buckets.values().removeIf(bucket -> bucket.isFull(now));
        return before - buckets.size();
    }
}
