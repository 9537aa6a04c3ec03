package org.backrelief.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong();

    private static RateLimitConfig.Limit limit(int capacity, double perSecond) {
        return new RateLimitConfig.Limit() {
            @Override
            public int capacity() {
                return capacity;
            }

            @Override
            public double refillPerSecond() {
                return perSecond;
            }
        };
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        RateLimiter limiter = new RateLimiter(100, clock::get);
        RateLimitConfig.Limit two = limit(2, 1);
        assertTrue(limiter.take("user:a", two).allowed());
        assertTrue(limiter.take("user:a", two).allowed());
        assertFalse(limiter.take("user:a", two).allowed());
        assertTrue(limiter.take("user:b", two).allowed(), "another user is not affected");
        assertTrue(limiter.take("ip:10.0.0.1", two).allowed(), "an IP is not affected");
    }

    @Test
    void retryAfterIsRoundedUpToWholeSeconds() {
        RateLimiter limiter = new RateLimiter(100, clock::get);
        RateLimitConfig.Limit slow = limit(1, 0.25);
        assertTrue(limiter.take("k", slow).allowed());
        RateLimiter.Decision refused = limiter.take("k", slow);
        assertFalse(refused.allowed());
        assertEquals(4, refused.retryAfterSeconds());
        clock.addAndGet(3 * SECOND + SECOND / 2);
        assertEquals(1, limiter.take("k", slow).retryAfterSeconds(), "half a second left is announced as 1 s");
        clock.addAndGet(SECOND / 2);
        assertTrue(limiter.take("k", slow).allowed());
    }

    @Test
    void memoryIsBoundedByDroppingIdleBuckets() {
        RateLimiter limiter = new RateLimiter(10, clock::get);
        RateLimitConfig.Limit limit = limit(5, 5);
        for (int i = 0; i < 10; i++) {
            limiter.take("ip:" + i, limit);
        }
        assertEquals(10, limiter.tracked());
        clock.addAndGet(SECOND);
        limiter.take("ip:new", limit);
        assertEquals(1, limiter.tracked(), "the refilled buckets were dropped");
    }

    @Test
    void busyBucketsSurviveEviction() {
        RateLimiter limiter = new RateLimiter(100, clock::get);
        RateLimitConfig.Limit limit = limit(2, 0.001);
        limiter.take("busy", limit);
        limiter.take("idle", limit(2, 1000));
        clock.addAndGet(SECOND);
        assertEquals(1, limiter.evictIdle());
        assertEquals(1, limiter.tracked());
        limiter.take("busy", limit);
        assertFalse(limiter.take("busy", limit).allowed(), "eviction did not reset the busy client");
    }
}
