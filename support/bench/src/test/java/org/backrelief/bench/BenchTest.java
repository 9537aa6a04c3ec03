package org.backrelief.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class BenchTest {

    @Test
    void aServiceWithFewerStartsThanTheRepetitionsIsRestartedUntilItHasAsMany() {
        List<Integer> starts = new ArrayList<>(List.of(2160));
        AtomicInteger restarts = new AtomicInteger();

        Bench.topUp(starts, 3, () -> 1600 + restarts.incrementAndGet());

        assertThat(starts).containsExactly(2160, 1601, 1602);
    }

    @Test
    void aServiceThatHasAsManyStartsAlreadyIsNotRestarted() {
        List<Integer> starts = new ArrayList<>(List.of(1890, 2110, 2230));

        Bench.topUp(starts, 3, () -> {
            throw new AssertionError("restarted");
        });
        Bench.topUp(starts, 1, () -> {
            throw new AssertionError("restarted");
        });

        assertThat(starts).containsExactly(1890, 2110, 2230);
    }
}
