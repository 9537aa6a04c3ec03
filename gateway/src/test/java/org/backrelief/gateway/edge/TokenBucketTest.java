package org.backrelief.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class TokenBucketTest {

    private static final double NANOS = 1_000_000_000d;

    @Property
    void neverAllowsMoreThanBurstPlusRefill(@ForAll @IntRange(min = 1, max = 500) int capacity,
            @ForAll @DoubleRange(min = 0.1, max = 500) double perSecond,
            @ForAll @Size(max = 400) List<@LongRange(min = 0, max = 50_000_000) Long> gaps) {
        TokenBucket bucket = new TokenBucket(capacity, perSecond, 0);
        long now = 0;
        int allowed = 0;
        for (long gap : gaps) {
            now += gap;
            if (bucket.tryTake(now) == 0) {
                allowed++;
            }
        }
        double limit = capacity + perSecond * now / NANOS;
        assertTrue(allowed <= Math.floor(limit + 1e-9), allowed + " allowed, limit " + limit);
    }

    @Property
    void aFullBurstPassesAndTheNextWaitsForOneToken(@ForAll @IntRange(min = 1, max = 500) int capacity,
            @ForAll @DoubleRange(min = 0.1, max = 500) double perSecond) {
        TokenBucket bucket = new TokenBucket(capacity, perSecond, 0);
        for (int i = 0; i < capacity; i++) {
            assertEquals(0, bucket.tryTake(0), "request " + i + " of the burst");
        }
        long wait = bucket.tryTake(0);
        assertTrue(wait > 0, "request beyond the burst must wait");
        assertEquals(NANOS / perSecond, wait, NANOS / perSecond * 1e-6 + 1);
    }

    @Property
    void waitingTheAnnouncedTimeIsEnough(@ForAll @IntRange(min = 1, max = 50) int capacity,
            @ForAll @DoubleRange(min = 0.1, max = 500) double perSecond,
            @ForAll @IntRange(min = 0, max = 100) int extra) {
        TokenBucket bucket = new TokenBucket(capacity, perSecond, 0);
        long now = 0;
        for (int i = 0; i < capacity + extra; i++) {
            long wait = bucket.tryTake(now);
            if (wait > 0) {
                now += wait;
                assertEquals(0, bucket.tryTake(now), "after waiting " + wait + " ns");
            }
        }
    }

    @Property
    void isFullOnlyAfterRefillingCompletely(@ForAll @IntRange(min = 1, max = 100) int capacity,
            @ForAll @DoubleRange(min = 0.1, max = 100) double perSecond) {
        TokenBucket bucket = new TokenBucket(capacity, perSecond, 0);
        assertTrue(bucket.isFull(0));
        bucket.tryTake(0);
        long refill = (long) Math.ceil(NANOS / perSecond);
        assertTrue(!bucket.isFull(refill / 2) || refill / 2 == 0);
        assertTrue(bucket.isFull(refill + 1));
    }
}
