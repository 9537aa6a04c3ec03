package org.backrelief.bench.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.backrelief.bench.load.LatencyStats;
import org.backrelief.bench.report.Metric;
import org.junit.jupiter.api.Test;

class GatewayOverheadBenchTest {

    private static LatencyStats p99(double millis) {
        return new LatencyStats(1000, 0, 1, 1000, millis / 2, millis / 1.5, millis, millis, millis, millis / 2, null);
    }

    @Test
    void theAddedRatioComparesWhatEachProxyAddsToTheDirectP99() {
        // direct 2 ms, baseline 3 ms (adds 1 ms), proxy 3.5 ms (adds 1.5 ms)
        assertEquals(1.5, GatewayOverheadBench.addedRatio(p99(3.5), p99(3.0), p99(2.0)), 1e-9);
    }

    @Test
    void aBaselineThatAddsNothingOrLessThanNothingCountsAsAddingATenthOfAMillisecond() {
        assertEquals(5.0, GatewayOverheadBench.addedRatio(p99(2.5), p99(1.0), p99(2.0)), 1e-9);
        assertEquals(5.0, GatewayOverheadBench.addedRatio(p99(2.5), p99(2.0), p99(2.0)), 1e-9);
    }

    private static Metric control(double... samples) {
        Metric metric = new Metric("x.control.addedP99VsNginx", "added p99 nginx/nginx", "", null);
        for (double sample : samples) {
            metric.add(sample);
        }
        return metric;
    }

    @Test
    void aControlWithinTheTargetsBandLeavesTheVerdictStanding() {
        assertTrue(GatewayOverheadBench.unresolved(control(0.7, 1.0, 1.45), 1.5).isEmpty());
        assertTrue(GatewayOverheadBench.unresolved(control(), 1.5).isEmpty());
    }

    @Test
    void aControlOutsideTheTargetsBandOnEitherSideSaysTheRunCannotResolveTheRatio() {
        String note = GatewayOverheadBench.unresolved(control(0.9, 1.0, 1.6), 1.5).orElseThrow();
        assertTrue(note.contains("0.90 to 1.60"), note);
        assertTrue(GatewayOverheadBench.unresolved(control(0.6, 1.0, 1.1), 1.5).isPresent());
        assertTrue(GatewayOverheadBench.unresolved(control(-3.0, 1.0, 1.1), 1.5).isPresent());
    }

    @Test
    void eachRepetitionMeasuresEverySideOnceAndTheControlDoesNotAlwaysFollowTheSameNeighbour() {
        List<String> sides = List.of("direct", "nginx", "gateway", "typedGuard", "nginxAgain");
        Set<String> before = new HashSet<>();
        for (int rep = 1; rep <= 6; rep++) {
            List<String> order = GatewayOverheadBench.orderFor(sides, rep);
            assertThat(order).containsExactlyInAnyOrderElementsOf(sides);
            assertThat(GatewayOverheadBench.orderFor(sides, rep)).as("the same order for the same repetition")
                    .isEqualTo(order);
            int at = order.indexOf("nginxAgain");
            if (at > 0) {
                before.add(order.get(at - 1));
            }
        }
        // a rotation puts the control after the same side in every repetition where it is not first
        assertThat(before).hasSizeGreaterThan(1);
    }
}
