package org.backrelief.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PairedRoundsTest {

    private static final long NEVER = Long.MIN_VALUE;

    @Test
    void aStallThatHoldsUpAWholeRoundCancelsOutOfWhatALaneAdds() {
        // lane 1 takes 2 ms more than the reference, lane 2 6 ms more; one round in seven (both lanes' rounds among
        // them), the whole machine stalls 40 ms
        PairedRounds.Result result = PairedRounds.run(100, Duration.ZERO, Duration.ofSeconds(3), 3, 8,
                (lane, round) -> {
                    Thread.sleep((round % 7 == 3 ? 40 : 0) + 1 + (lane == 1 ? 2 : lane == 2 ? 6 : 0));
                    return true;
                });
        assertThat(result.completeRounds()).isEqualTo(300);
        assertThat(result.addedNanos().get(0)).isEmpty();
        assertThat(result.addedNanos().get(1)).hasSize(150);
        assertThat(result.added(1, 50)).isBetween(1.5, 10.0);
        assertThat(result.added(2, 50)).isBetween(5.5, 14.0);
        // a seventh of each lane's requests took 40 ms more, yet the p99 of what each lane adds stays below that
        assertThat(result.added(1, 99)).isLessThan(35.0);
        assertThat(result.added(2, 99)).isLessThan(35.0);
    }

    @Test
    void eachBlockOfRoundsPairsTheReferenceWithEveryLaneOnceAndNoLaneAlwaysFollowsTheSameOne() {
        Set<Integer> afterLaneTwo = new HashSet<>();
        int previous = 0;
        for (long block = 0; block < 20; block++) {
            Set<Integer> inBlock = new HashSet<>();
            for (long round = block * 3; round < block * 3 + 3; round++) {
                int lane = PairedRounds.partnerOf(round, 4);
                inBlock.add(lane);
                if (previous == 2) {
                    afterLaneTwo.add(lane);
                }
                previous = lane;
            }
            assertThat(inBlock).containsExactlyInAnyOrder(1, 2, 3);
        }
        assertThat(afterLaneTwo).contains(1, 3);
        assertThat(PairedRounds.partnerOf(7, 2)).isEqualTo(1);
    }

    @Test
    void aPartnerIsComparedWithTheReferenceOfItsOwnRoundAndAFailedOrUnmeasuredRoundIsLeftOut() {
        long[] reference = { 5_000_000, 1_000_000, 9_000_000, 2_000_000, 3_000_000, 4_000_000, NEVER };
        long[] partner = { 6_000_000, 4_000_000, -1, 1_000_000, 3_500_000, NEVER, 2_000_000 };
        long[][] sentAt = { { 0, 0, 0, 0, 0, 0, 0 }, { 0, 2_000_000, 0, 0, 0, 0, 0 } };
        PairedRounds.Result result = PairedRounds.added(new long[][] { reference, partner }, sentAt,
                PairedRounds.partners(0, 7, 2), 2, 1, "lane 1: refused");
        assertThat(result.rounds()).isEqualTo(7);
        assertThat(result.completeRounds()).isEqualTo(4);
        assertThat(result.failedRequests()).isEqualTo(1);
        assertThat(result.firstError()).isEqualTo("lane 1: refused");
        // +1 ms, +3 ms, (failed), −1 ms (a partner can be faster in a round), +0.5 ms, (never measured) × 2
        assertThat(result.addedNanos().get(1)).containsExactly(-1_000_000, 500_000, 1_000_000, 3_000_000);
        // the second round's partner was sent 2 ms after its reference: not "at once"
        assertThat(result.skewedRounds()).isEqualTo(1);
        assertThat(result.added(1, 50)).isEqualTo(0.5);
    }

    @Test
    void percentilesTakeTheNearestRankAndOfNothingAreNotMeasuredRatherThanZero() {
        long[] thousand = new long[1000];
        for (int i = 0; i < thousand.length; i++) {
            thousand[i] = (i + 1) * 1_000_000L;
        }
        assertThat(PairedRounds.percentileMs(thousand, 99.9)).isEqualTo(999.0);
        assertThat(PairedRounds.percentileMs(thousand, 99)).isEqualTo(990.0);
        assertThat(PairedRounds.percentileMs(thousand, 50)).isEqualTo(500.0);
        assertThat(PairedRounds.percentileMs(new long[0], 99)).isNaN();
        assertThat(List.of(PairedRounds.percentileMs(new long[] { 7_000_000 }, 99))).containsExactly(7.0);
    }
}
