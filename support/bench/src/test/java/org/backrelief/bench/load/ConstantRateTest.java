package org.backrelief.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

class ConstantRateTest {

    private static final ConstantRate.Polling FAST = new ConstantRate.Polling(Duration.ofMillis(2), 0.1,
            Duration.ofMillis(5), Duration.ofSeconds(2));

    @Test
    void visibilityIsMeasuredFromTheIntendedSendTime() {
        Map<Long, Long> sentAt = new ConcurrentHashMap<>();
        ConstantRate.Result result = ConstantRate.run(100, Duration.ZERO, Duration.ofMillis(500), 8, FAST,
                new ConstantRate.Probe() {
                    @Override
                    public boolean send(long i) {
                        sentAt.put(i, System.nanoTime());
                        return true;
                    }

                    @Override
                    public boolean visible(long i) {
                        return System.nanoTime() - sentAt.get(i) > 30_000_000L; // visible 30 ms after the send
                    }
                });
        assertThat(result.sent()).isEqualTo(50);
        assertThat(result.visible().count()).isEqualTo(50);
        assertThat(result.visible().p50()).isBetween(30.0, 60.0);
        assertThat(result.neverVisible()).isZero();
    }

    @Test
    void aStallDelaysEveryItemDueDuringItNotJustTheOneThatStalled() {
        // with a single worker, one 300 ms stall at item 10 holds back items 11.. that were due meanwhile: a
        // coordinated-omission-correct generator charges them the wait
        ConstantRate.Result result = ConstantRate.run(100, Duration.ZERO, Duration.ofMillis(600), 1, FAST,
                new ConstantRate.Probe() {
                    @Override
                    public boolean send(long i) throws InterruptedException {
                        if (i == 10) {
                            Thread.sleep(300);
                        }
                        return true;
                    }

                    @Override
                    public boolean visible(long i) {
                        return true;
                    }
                });
        assertThat(result.accepted().count()).isEqualTo(60);
        assertThat(result.accepted().max()).isGreaterThanOrEqualTo(290.0);
        // about 30 items were due during the stall: well over 1 % of 60 see a delay above 100 ms
        assertThat(result.accepted().p90()).isGreaterThan(100.0);
        assertThat(result.maxSendLagMs()).isGreaterThan(250.0);
    }

    @Test
    void pollingBacksOffWithTheElapsedTimeWithinItsBounds() {
        ConstantRate.Polling polling = new ConstantRate.Polling(Duration.ofMillis(20), 0.2, Duration.ofSeconds(1),
                Duration.ofSeconds(30));
        assertThat(polling.nextWaitNanos(10_000_000L)).isEqualTo(20_000_000L);
        assertThat(polling.nextWaitNanos(500_000_000L)).isEqualTo(100_000_000L);
        assertThat(polling.nextWaitNanos(60_000_000_000L)).isEqualTo(1_000_000_000L);
    }

    @Test
    void warmUpItemsAreSentButNotRecorded() {
        ConstantRate.Result result = ConstantRate.run(200, Duration.ofMillis(100), Duration.ofMillis(100), 4, FAST,
                new ConstantRate.Probe() {
                    @Override
                    public boolean send(long i) {
                        return true;
                    }

                    @Override
                    public boolean visible(long i) {
                        return true;
                    }
                });
        assertThat(result.sent()).isEqualTo(40);
        assertThat(result.visible().count()).isEqualTo(20);
    }

    @Test
    void itemsNeverVisibleAreCountedAfterTheGiveUpTime() {
        ConstantRate.Polling shortGiveUp = new ConstantRate.Polling(Duration.ofMillis(5), 0.2, Duration.ofMillis(10),
                Duration.ofMillis(100));
        ConstantRate.Result result = ConstantRate.run(50, Duration.ZERO, Duration.ofMillis(100), 8, shortGiveUp,
                new ConstantRate.Probe() {
                    @Override
                    public boolean send(long i) {
                        return true;
                    }

                    @Override
                    public boolean visible(long i) {
                        return i % 2 == 0;
                    }
                });
        assertThat(result.neverVisible()).isEqualTo(result.sent() / 2);
        // lost items count at the give-up time: the median is no better than it
        assertThat(result.visible().count()).isEqualTo(result.sent());
        assertThat(result.visible().max()).isGreaterThanOrEqualTo(100.0);
    }

    @Test
    void aFailedSendCountsAsLostNotAsFast() {
        ConstantRate.Result result = ConstantRate.run(100, Duration.ZERO, Duration.ofMillis(200), 4, FAST,
                new ConstantRate.Probe() {
                    @Override
                    public boolean send(long i) {
                        return false; // fails at once
                    }

                    @Override
                    public boolean visible(long i) {
                        return true;
                    }
                });
        assertThat(result.failedSends()).isEqualTo(20);
        assertThat(result.lost()).isEqualTo(20);
        assertThat(result.visible().p50()).isGreaterThanOrEqualTo(2000.0); // FAST gives up after 2 s
    }

    @Test
    void lanesShareTheRateInTurnAndEachKeepsItsOwnLatenciesAndFailures() {
        // lane 1 is a side 20 ms slower than lane 0 and fails one send in ten; lane 0 never waits, never fails
        ConstantRate.Result result = ConstantRate.run(200, Duration.ZERO, Duration.ofMillis(500), 16, 2, FAST,
                new ConstantRate.Probe() {
                    @Override
                    public boolean send(long i) throws InterruptedException {
                        if (i % 2 == 1) {
                            Thread.sleep(20);
                            return i % 20 != 1;
                        }
                        return true;
                    }

                    @Override
                    public boolean visible(long i) {
                        return true;
                    }
                });
        assertThat(result.acceptedByLane()).hasSize(2);
        LatencyStats fast = result.acceptedByLane().get(0);
        LatencyStats slow = result.acceptedByLane().get(1);
        assertThat(fast.count()).isEqualTo(50);
        assertThat(fast.errors()).isZero();
        assertThat(slow.count() + slow.errors()).isEqualTo(50);
        assertThat(slow.errors()).isEqualTo(5);
        assertThat(fast.p99()).isLessThan(20.0);
        assertThat(slow.p50()).isGreaterThanOrEqualTo(20.0);
        // the whole keeps every answered item, as with one lane
        assertThat(result.accepted().count()).isEqualTo(95);
    }
}
