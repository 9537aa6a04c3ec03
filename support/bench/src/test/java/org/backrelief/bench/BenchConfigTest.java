package org.backrelief.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class BenchConfigTest {

    @Test
    void theFullSizeRunsEachIngestAndTheCompletionsOnceAndEverythingElseThreeTimes() {
        BenchConfig full = BenchConfig.of("full");

        assertThat(full.reps).isEqualTo(3);
        assertThat(full.ingestReps).isEqualTo(1);
        assertThat(full.freshnessReps).isEqualTo(1);
        assertThat(full.freshnessRate).isEqualTo(200);
        assertThat(BenchConfig.of("medium").freshnessReps).isEqualTo(3);
    }

    @Test
    void repsSetsEveryRepetitionCountUnlessOneIsGivenOnItsOwn() {
        BenchConfig all = BenchConfig.of("full");
        all.override(Map.of("reps", "2"));
        assertThat(all.reps).isEqualTo(2);
        assertThat(all.ingestReps).isEqualTo(2);
        assertThat(all.freshnessReps).isEqualTo(2);

        BenchConfig own = BenchConfig.of("full");
        own.override(Map.of("reps", "2", "freshness-reps", "1", "ingest-reps", "3"));
        assertThat(own.reps).isEqualTo(2);
        assertThat(own.freshnessReps).isEqualTo(1);
        assertThat(own.ingestReps).isEqualTo(3);
        assertThat(own.describe()).containsEntry("freshnessRepetitions", 1);
    }

    @Test
    void eachGatewayWarmsLongerThanTheOtherSidesSoItsJitHasCompiledTheRelay() {
        for (String mode : new String[] { "quick", "medium", "full" }) {
            BenchConfig config = BenchConfig.of(mode);
            assertThat(config.gatewayJitWarmUp).as(mode).isGreaterThan(config.loadWarmUp);
        }
        BenchConfig set = BenchConfig.of("quick");
        set.override(Map.of("gateway-warmup-seconds", "20"));
        assertThat(set.gatewayJitWarmUp).hasSeconds(20);
        assertThat(set.describe()).containsEntry("gatewayJitWarmUpSeconds", 20.0);
    }

    @Test
    void anUnknownOptionIsRefusedByName() {
        assertThatThrownBy(() -> BenchConfig.of("quick").override(Map.of("freshness-rep", "2")))
                .hasMessageContaining("freshness-rep");
    }
}
