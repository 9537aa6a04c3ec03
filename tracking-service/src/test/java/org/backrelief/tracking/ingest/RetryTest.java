package org.backrelief.tracking.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RetryTest {

    private final List<String> events = new ArrayList<>();
    private final Retry.Listener listener = new Retry.Listener() {
        @Override
        public void failed(String step, Throwable failure) {
            events.add("failed " + step + ": " + failure.getMessage());
        }

        @Override
        public void recovered() {
            events.add("recovered");
        }
    };

    @Test
    void retriesUntilTheStepSucceedsAndReportsEachFailureAndTheRecovery() {
        AtomicInteger calls = new AtomicInteger();
        Retry retry = new Retry(Duration.ofMillis(1), Duration.ofMillis(5), () -> false);

        String result = retry.untilSuccess("store", () -> {
            if (calls.incrementAndGet() <= 3) {
                throw new IllegalStateException("down " + calls.get());
            }
            return "stored";
        }, listener);

        assertEquals("stored", result);
        assertEquals(4, calls.get());
        assertEquals(List.of("failed store: down 1", "failed store: down 2", "failed store: down 3", "recovered"),
                events);
    }

    @Test
    void aFirstTimeSuccessIsNoRecoveryAndMayBeNull() {
        Retry retry = new Retry(Duration.ofMillis(1), Duration.ofMillis(5), () -> false);

        assertNull(retry.<Object>untilSuccess("dead-letter", () -> null, listener));
        assertEquals(List.of(), events);
    }

    @Test
    void stopsRetryingWhenTheApplicationStops() {
        AtomicBoolean stopping = new AtomicBoolean();
        AtomicInteger calls = new AtomicInteger();
        Retry retry = new Retry(Duration.ofMillis(1), Duration.ofMillis(5), stopping::get);

        assertThrows(Retry.StoppedException.class, () -> retry.untilSuccess("store", () -> {
            if (calls.incrementAndGet() == 2) {
                stopping.set(true);
            }
            throw new IllegalStateException("down");
        }, listener));
        assertEquals(2, calls.get());
    }

    @Test
    void theBackoffGrowsAndIsCapped() {
        AtomicInteger calls = new AtomicInteger();
        List<Long> startedAt = new ArrayList<>();
        Retry retry = new Retry(Duration.ofMillis(20), Duration.ofMillis(60), () -> false);

        retry.untilSuccess("store", () -> {
            startedAt.add(System.nanoTime());
            if (calls.incrementAndGet() <= 5) {
                throw new IllegalStateException("down");
            }
            return null;
        }, listener);

        long total = (startedAt.get(5) - startedAt.get(0)) / 1_000_000;
        // five pauses: at least the initial one each (with -20 % jitter), at most the cap each (+20 %) plus slack
        assertTrue(total >= 5 * 16L && total <= 5 * 72L + 500, "five pauses took " + total + " ms");
    }
}
