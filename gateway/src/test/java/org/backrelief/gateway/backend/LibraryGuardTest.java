package org.backrelief.gateway.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/**
 * The TypedGuard implementation keeps the hand-written guard's rules (see {@link BackendGuardTest}). A Quarkus test:
 * SmallRye Fault Tolerance's programmatic API needs its runtime, which the gateway's Quarkus app provides.
 */
@QuarkusTest
class LibraryGuardTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    /** Short timeouts and delays so the rules show in milliseconds. */
    static GuardConfig settings(int breakerVolume) {
        return new TestGuardSettings(GuardConfig.Implementation.SMALLRYE, Duration.ofMillis(300), Duration.ofMillis(300),
                2, Duration.ofMillis(10), Duration.ZERO, Duration.ofSeconds(3), breakerVolume, 0.5, Duration.ofMinutes(1),
                1, 10);
    }

    /** Answers with the given statuses in turn (the last one from then on); -1 never answers. */
    static final class Backend implements Supplier<Uni<BackendAnswer>> {
        final int[] statuses;
        final AtomicInteger calls = new AtomicInteger();

        Backend(int... statuses) {
            this.statuses = statuses;
        }

        public Uni<BackendAnswer> get() {
            int status = statuses[Math.min(calls.getAndIncrement(), statuses.length - 1)];
            return status < 0 ? Uni.createFrom().nothing()
                    : Uni.createFrom().item(new BackendAnswer(status, MultiMap.caseInsensitiveMultiMap(), Buffer.buffer()));
        }
    }

    private final LibraryGuard guard = new LibraryGuard(org.backrelief.gateway.backend.Backend.TRACKING, settings(20),
            new SimpleMeterRegistry());

    @Test
    void aFailedReadIsRetried() {
        Backend backend = new Backend(503, 200);
        assertThat(guard.read(backend).await().atMost(WAIT).status()).isEqualTo(200);
        assertThat(backend.calls).hasValue(2);
    }

    @Test
    void aWriteIsNeverRetriedAndA5xxFailsIt() {
        Backend backend = new Backend(500, 200);
        assertThatThrownBy(() -> guard.write(backend).await().atMost(WAIT)).isInstanceOf(BackendServerError.class);
        assertThat(backend.calls).hasValue(1);
    }

    @Test
    void aTimeoutIsARefusalAndNotRetried() {
        Backend backend = new Backend(-1);
        assertThatThrownBy(() -> guard.read(backend).await().atMost(WAIT)).isInstanceOf(GuardRefusal.class)
                .extracting(e -> ((GuardRefusal) e).reason()).isEqualTo(GuardRefusal.Reason.TIMEOUT);
        assertThat(backend.calls).hasValue(1);
    }

    @Test
    void theCircuitOpensAfterFailuresAndThenRefusesWithoutCallingTheBackend() {
        LibraryGuard small = new LibraryGuard(org.backrelief.gateway.backend.Backend.CATALOG, settings(4),
                new SimpleMeterRegistry());
        Backend failing = new Backend(500);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> small.write(failing).await().atMost(WAIT)).isInstanceOf(BackendServerError.class);
        }
        Backend healthy = new Backend(200);
        assertThatThrownBy(() -> small.read(healthy).await().atMost(WAIT)).isInstanceOf(GuardRefusal.class)
                .extracting(e -> ((GuardRefusal) e).reason()).isEqualTo(GuardRefusal.Reason.CIRCUIT_OPEN);
        assertThat(healthy.calls).hasValue(0);
    }
}
