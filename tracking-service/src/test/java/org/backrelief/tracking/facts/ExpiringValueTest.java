package org.backrelief.tracking.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ExpiringValueTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger loads = new AtomicInteger();
    private final AtomicLong stored = new AtomicLong(1);

    private ExpiringValue<Long> value(Duration ttl) {
        return new ExpiringValue<>(ttl, now::get, () -> {
            loads.incrementAndGet();
            return stored.get();
        });
    }

    @Test
    void loadsOnceWithinItsTimeToLiveAndAgainAfterIt() {
        ExpiringValue<Long> value = value(Duration.ofNanos(100));
        assertEquals(1L, value.get());
        stored.set(2);
        now.addAndGet(99);
        assertEquals(1L, value.get());
        assertEquals(1, loads.get());
        now.addAndGet(1);
        assertEquals(2L, value.get());
        assertEquals(2, loads.get());
    }

    @Test
    void anInvalidatedValueIsLoadedAgainAtOnce() {
        ExpiringValue<Long> value = value(Duration.ofHours(1));
        assertEquals(1L, value.get());
        stored.set(2);
        value.invalidate();
        assertEquals(2L, value.get());
        assertEquals(2L, value.get());
        assertEquals(2, loads.get());
    }

    @Test
    void aLoadRacingWithAnInvalidationIsNotKept() {
        AtomicInteger calls = new AtomicInteger();
        ExpiringValue<Long>[] holder = new ExpiringValue[1];
        holder[0] = new ExpiringValue<>(Duration.ofHours(1), now::get, () -> {
            long seen = stored.get();
            if (calls.incrementAndGet() == 1) {
                // the swap happens while this load is on its way back with the old value
                stored.set(2);
                holder[0].invalidate();
            }
            return seen;
        });
        assertEquals(1L, holder[0].get());
        assertEquals(2L, holder[0].get());
        assertEquals(2, calls.get());
    }

    @Test
    void aZeroTimeToLiveLoadsEveryTime() {
        ExpiringValue<Long> value = value(Duration.ZERO);
        value.get();
        value.get();
        assertEquals(2, loads.get());
    }

    @Test
    void aFailedLoadIsNotKept() {
        AtomicInteger calls = new AtomicInteger();
        ExpiringValue<Long> value = new ExpiringValue<>(Duration.ofHours(1), now::get, () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
            }
            return 7L;
        });
        assertThrows(IllegalStateException.class, value::get);
        assertEquals(7L, value.get());
    }
}
