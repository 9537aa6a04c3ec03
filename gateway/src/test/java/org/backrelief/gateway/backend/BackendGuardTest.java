package org.backrelief.gateway.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

class BackendGuardTest {

    /** Timers fired by the test. */
    static final class ManualTimers implements Timers {
        final Map<Long, Runnable> pending = new LinkedHashMap<>();
        final Map<Long, Long> delays = new LinkedHashMap<>();
        long next;

        public long schedule(long delayMillis, Runnable task) {
            pending.put(next, task);
            delays.put(next, delayMillis);
            return next++;
        }

        public void cancel(long id) {
            pending.remove(id);
        }

        void fireAll() {
            for (Long id : new ArrayList<>(pending.keySet())) {
                Runnable task = pending.remove(id);
                if (task != null) {
                    task.run();
                }
            }
        }
    }

    /** A backend whose calls the test answers one by one. */
    static final class FakeBackend implements Supplier<Uni<BackendAnswer>> {
        final List<UniEmitter<? super BackendAnswer>> calls = new ArrayList<>();
        int cancelled;

        public Uni<BackendAnswer> get() {
            return Uni.createFrom().<BackendAnswer> emitter(calls::add).onCancellation().invoke(() -> cancelled++);
        }

        void answer(int index, int status) {
            calls.get(index).complete(new BackendAnswer(status, MultiMap.caseInsensitiveMultiMap(), Buffer.buffer()));
        }
    }

    private final AtomicLong nanos = new AtomicLong();
    private final ManualTimers timers = new ManualTimers();
    private final FakeBackend backend = new FakeBackend();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private BackendGuard guard(int retries, int volume, int maxConcurrent) {
        // small numbers so a test can walk through every state
        return new BackendGuard(Backend.TRACKING, new TestGuardSettings(GuardConfig.Implementation.HAND_WRITTEN,
                Duration.ofMillis(2_000), Duration.ofMillis(5_000), retries, Duration.ofMillis(100), Duration.ZERO,
                Duration.ofSeconds(3), volume, 0.5, Duration.ofSeconds(5), 1, maxConcurrent), timers, nanos::get, registry);
    }

    private double count(String outcome) {
        return registry.get("backrelief.gateway.backend.calls").tag("outcome", outcome).counter().count();
    }

    @Test
    void anAnswerPassesAndReleasesEverything() {
        BackendGuard guard = guard(2, 4, 10);
        var result = guard.read(backend).subscribe().withSubscriber(UniAssertSubscriber.create());
        assertEquals(1, guard.inFlight());
        assertEquals(List.of(2_000L), List.copyOf(timers.delays.values()));
        backend.answer(0, 404);
        assertEquals(404, result.assertCompleted().getItem().status(), "4xx answers are answers, not failures");
        assertEquals(0, guard.inFlight());
        assertTrue(timers.pending.isEmpty(), "the timeout timer is cancelled");
        assertEquals(1, count("success"));
    }

    @Test
    void aFailedReadIsRetriedAfterTheDelay() {
        BackendGuard guard = guard(2, 10, 10);
        var result = guard.read(backend).subscribe().withSubscriber(UniAssertSubscriber.create());
        backend.answer(0, 503);
        assertEquals(1, backend.calls.size(), "the retry waits for its delay");
        timers.fireAll();
        assertEquals(2, backend.calls.size());
        backend.answer(1, 200);
        assertEquals(200, result.assertCompleted().getItem().status());
        assertEquals(1, count("retry"));
    }

    @Test
    void aReadGivesUpAfterItsRetriesWithTheLastFailure() {
        BackendGuard guard = guard(2, 10, 10);
        var result = guard.read(backend).subscribe().withSubscriber(UniAssertSubscriber.create());
        for (int attempt = 0; attempt < 3; attempt++) {
            backend.answer(attempt, 500);
            timers.fireAll();
        }
        assertEquals(3, backend.calls.size());
        BackendServerError error = assertInstanceOf(BackendServerError.class, result.assertFailed().getFailure());
        assertEquals(500, error.status());
    }

    @Test
    void aWriteIsNeverRetried() {
        BackendGuard guard = guard(2, 10, 10);
        var result = guard.write(backend).subscribe().withSubscriber(UniAssertSubscriber.create());
        backend.calls.get(0).fail(new java.net.ConnectException("refused"));
        timers.fireAll();
        assertEquals(1, backend.calls.size());
        assertInstanceOf(java.net.ConnectException.class, result.assertFailed().getFailure());
    }

    @Test
    void aSlowBackendTimesOutWithoutRetryAndTheCallIsCancelled() {
        BackendGuard guard = guard(2, 10, 10);
        var result = guard.read(backend).subscribe().withSubscriber(UniAssertSubscriber.create());
        timers.fireAll();
        GuardRefusal refusal = assertInstanceOf(GuardRefusal.class, result.assertFailed().getFailure());
        assertEquals(GuardRefusal.Reason.TIMEOUT, refusal.reason());
        assertEquals(1, backend.calls.size(), "a timed-out read is not retried");
        assertEquals(1, backend.cancelled);
        assertEquals(0, guard.inFlight());
        backend.answer(0, 200); // a late answer changes nothing
        assertEquals(0, count("success"));
    }

    @Test
    void anOutageOpensTheCircuitAndItRecoversAfterTheDelay() {
        BackendGuard guard = guard(0, 4, 10);
        for (int i = 0; i < 4; i++) {
            var result = guard.read(backend).subscribe().withSubscriber(UniAssertSubscriber.create());
            backend.answer(i, 503);
            result.assertFailed();
        }
        assertEquals(CircuitBreaker.State.OPEN, guard.circuit());
        var refused = guard.read(backend).subscribe().withSubscriber(UniAssertSubscriber.create());
        assertEquals(GuardRefusal.Reason.CIRCUIT_OPEN,
                assertInstanceOf(GuardRefusal.class, refused.assertFailed().getFailure()).reason());
        assertEquals(4, backend.calls.size(), "an open circuit does not call the backend");
        assertEquals(503, Relay.failure(Backend.TRACKING, refused.getFailure()).status());

        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        var probe = guard.read(backend).subscribe().withSubscriber(UniAssertSubscriber.create());
        backend.answer(4, 200);
        probe.assertCompleted();
        assertEquals(CircuitBreaker.State.CLOSED, guard.circuit());
    }

    @Test
    void callsBeyondTheConcurrencyLimitAreRefusedAtOnce() {
        BackendGuard guard = guard(0, 10, 1);
        var first = guard.read(backend).subscribe().withSubscriber(UniAssertSubscriber.create());
        var second = guard.read(backend).subscribe().withSubscriber(UniAssertSubscriber.create());
        assertEquals(GuardRefusal.Reason.OVERLOADED,
                assertInstanceOf(GuardRefusal.class, second.assertFailed().getFailure()).reason());
        backend.answer(0, 200);
        first.assertCompleted();
        assertEquals(0, guard.inFlight());
    }

    @Test
    void aClientThatGoesAwayFreesItsSlot() {
        BackendGuard guard = guard(2, 10, 1);
        var result = guard.read(backend).subscribe().withSubscriber(UniAssertSubscriber.create());
        result.cancel();
        assertEquals(0, guard.inFlight());
        assertEquals(1, backend.cancelled);
        assertTrue(timers.pending.isEmpty());
    }
}
