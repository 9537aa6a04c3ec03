package org.backrelief.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class PairedRoundsTest {

    @Test
    void aStallThatHoldsUpAWholeRoundCancelsOutOfWhatALaneAdds() {
        // lane 1 takes 2 ms more than the reference, lane 2 6 ms more; one round in ten, the whole machine stalls 40 ms
        PairedRounds.Result result = PairedRounds.run(100, Duration.ZERO, Duration.ofSeconds(2), 3, 8,
                (lane, round) -> {
                    Thread.sleep((round % 10 == 3 ? 40 : 0) + 1 + (lane == 1 ? 2 : lane == 2 ? 6 : 0));
                    return true;
                });
        assertThat(result.completeRounds()).isEqualTo(200);
        assertThat(result.addedNanos().get(0)).isEmpty();
        assertThat(result.addedNanos().get(1)).hasSize(100);
        assertThat(result.added(1, 50)).isBetween(1.5, 10.0);
        assertThat(result.added(2, 50)).isBetween(5.5, 14.0);
        // the stalled rounds are the slowest 10 % of each lane's requests, yet not of what each adds
        assertThat(result.added(1, 99)).isLessThan(20.0);
        assertThat(result.added(2, 99)).isLessThan(24.0);
    }

    @Test
    void eachRoundPairsTheReferenceWithTheNextLaneInTurn() {
        assertThat(PairedRounds.partnerOf(0, 4)).isEqualTo(1);
        assertThat(PairedRounds.partnerOf(1, 4)).isEqualTo(2);
        assertThat(PairedRounds.partnerOf(2, 4)).isEqualTo(3);
        assertThat(PairedRounds.partnerOf(3, 4)).isEqualTo(1);
        assertThat(PairedRounds.partnerOf(7, 2)).isEqualTo(1);
    }

    @Test
    void aPartnerIsComparedWithTheReferenceOfItsOwnRoundAndAFailedRoundIsLeftOut() {
        // rounds 2..7 (after two warm-up rounds): partners 1, 2, 1, 2, 1, 2
        long[] reference = { 5_000_000, 1_000_000, 9_000_000, 2_000_000, 3_000_000, 4_000_000 };
        long[] partner = { 6_000_000, 4_000_000, -1, 1_000_000, 3_500_000, 4_000_000 };
        PairedRounds.Result result = PairedRounds.added(reference, partner, 2, 3, 1, "lane 1: refused");
        assertThat(result.rounds()).isEqualTo(6);
        assertThat(result.completeRounds()).isEqualTo(5);
        // lane 1: +1 ms, (failed), +0.5 ms; lane 2: +3 ms, −1 ms (a partner can be faster in a round), 0
        assertThat(result.addedNanos().get(1)).containsExactly(500_000, 1_000_000);
        assertThat(result.addedNanos().get(2)).containsExactly(-1_000_000, 0, 3_000_000);
        assertThat(result.added(2, 99)).isEqualTo(3.0);
        assertThat(result.added(2, 50)).isEqualTo(0.0);
    }

    @Test
    void aPercentileOfNothingIsNotMeasuredRatherThanZero() {
        assertThat(PairedRounds.percentileMs(new long[0], 99)).isNaN();
    }
}
