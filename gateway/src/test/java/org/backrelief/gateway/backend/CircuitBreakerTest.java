package org.backrelief.gateway.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.backrelief.gateway.backend.CircuitBreaker.State;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private static final long DELAY = 5_000_000_000L;

    private final AtomicLong now = new AtomicLong(1_000);
    private final CircuitBreaker breaker = new CircuitBreaker(4, 0.5, DELAY, 2, now::get);

    private void calls(boolean... failures) {
        for (boolean failed : failures) {
            assertTrue(breaker.tryAcquire());
            if (failed) {
                breaker.onFailure();
            } else {
                breaker.onSuccess();
            }
        }
    }

    @Test
    void staysClosedUntilTheWindowIsFull() {
        calls(true, true, true);
        assertEquals(State.CLOSED, breaker.state(), "3 calls are fewer than the volume of 4");
        calls(true);
        assertEquals(State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire());
    }

    @Test
    void opensAtTheFailureRatioOfTheLastCallsOnly() {
        calls(true, true, false, false, false, false);
        assertEquals(State.CLOSED, breaker.state(), "the old failures left the window");
        calls(true);
        assertEquals(State.CLOSED, breaker.state(), "1 of the last 4 failed");
        calls(true);
        assertEquals(State.OPEN, breaker.state(), "2 of the last 4 failed");
    }

    @Test
    void letsProbesThroughAfterTheDelayAndClosesAfterEnoughSuccesses() {
        calls(true, true, true, true);
        now.addAndGet(DELAY - 1);
        assertFalse(breaker.tryAcquire());
        now.addAndGet(1);
        assertTrue(breaker.tryAcquire());
        assertEquals(State.HALF_OPEN, breaker.state());
        assertTrue(breaker.tryAcquire());
        assertFalse(breaker.tryAcquire(), "no more probes than successes needed");
        breaker.onSuccess();
        assertEquals(State.HALF_OPEN, breaker.state());
        breaker.onSuccess();
        assertEquals(State.CLOSED, breaker.state());
        calls(true, true, true);
        assertEquals(State.CLOSED, breaker.state(), "a closed circuit starts with an empty window");
    }

    @Test
    void aFailedProbeOpensAgain() {
        calls(true, true, true, true);
        now.addAndGet(DELAY);
        assertTrue(breaker.tryAcquire());
        breaker.onFailure();
        assertEquals(State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire());
        now.addAndGet(DELAY);
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void anAbandonedProbeFreesItsSlot() {
        calls(true, true, true, true);
        now.addAndGet(DELAY);
        assertTrue(breaker.tryAcquire());
        assertTrue(breaker.tryAcquire());
        assertFalse(breaker.tryAcquire());
        breaker.onAbandoned();
        assertTrue(breaker.tryAcquire());
    }
}
