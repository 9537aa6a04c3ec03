package org.backrelief.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Recorder;

/**
 * wrk2-style constant rate: item {@code i} is due at {@code start + i / rate}; a worker sends it at that time (or as
 * soon as one is free) and then polls until its effect is visible. Both latencies are measured from the intended send
 * time, not from when the send happened, so a stalled system cannot hide its stall (no coordinated omission).
 * An item that fails, never becomes visible or is never sent counts in the visibility histogram with the time at
 * which it was given up, so losing items never makes a percentile look better.
 */
public final class ConstantRate {

    /** What is sent and how its effect is seen. */
    public interface Probe {
        /** Sends item {@code i}; false (or an exception) counts as a failed send. */
        boolean send(long i) throws Exception;

        /** True once item {@code i}'s effect is visible. */
        boolean visible(long i) throws Exception;
    }

    /**
     * Polling: the next poll waits {@code fraction} of the time elapsed since the intended send time, at least
     * {@code minInterval} and at most {@code maxInterval}: the error stays under that fraction of the measured latency
     * while a slow read is not hammered (every poll is a real request that loads the system being measured).
     */
    public record Polling(Duration minInterval, double fraction, Duration maxInterval, Duration giveUpAfter) {
        public static final Polling DEFAULT = new Polling(Duration.ofMillis(20), 0.2, Duration.ofSeconds(1),
                Duration.ofSeconds(15));

        long nextWaitNanos(long elapsedNanos) {
            long wait = (long) (elapsedNanos * fraction);
            return Math.max(minInterval.toNanos(), Math.min(maxInterval.toNanos(), wait));
        }

        public String describe() {
            return "poll every max(" + minInterval.toMillis() + " ms, " + Math.round(fraction * 100)
                    + " % of the time since the intended send), at most every " + maxInterval.toMillis()
                    + " ms; give up after " + giveUpAfter.toSeconds() + " s";
        }
    }

    /**
     * @param notSent items never sent because the schedule fell more than {@link #MAX_LAG} behind (an overloaded
     *        system would otherwise keep the run going for many minutes; the figure is a MISS by far anyway)
     */
    /**
     * @param acceptedByLane the answer latencies of each lane's items (item {@code i} is lane {@code i % lanes}); one
     *        lane holds them all
     */
    public record Result(LatencyStats accepted, LatencyStats visible, long sent, long failedSends, long neverVisible,
            long notSent, double achievedRatePerSecond, double maxSendLagMs, long polls, String firstError,
            List<LatencyStats> acceptedByLane) {

        /** Items that never became visible for any reason. */
        public long lost() {
            return failedSends + neverVisible + notSent;
        }
    }

    /** How far behind its schedule the generator may fall before it stops sending. */
    public static final Duration MAX_LAG = Duration.ofSeconds(15);

    private ConstantRate() {
    }

    /**
     * Workers for {@code rate} items per second: each is busy for the send plus the wait until visible, so two
     * seconds' worth of items in flight keeps the schedule up to two-second latencies (later ones are still measured
     * from their intended time; the schedule then slips and the report shows the achieved rate).
     */
    public static int workersFor(int ratePerSecond) {
        return Math.max(32, Math.min(512, ratePerSecond * 2));
    }

    /**
     * @param warmUp sent first at the same rate, not recorded
     * @param workers concurrent senders/pollers; need about rate × visibility latency of them to keep the schedule
     */
    public static Result run(int ratePerSecond, Duration warmUp, Duration measure, int workers, Polling polling, Probe probe) {
        return run(ratePerSecond, warmUp, measure, workers, 1, polling, probe);
    }

    /**
     * Like {@link #run(int, Duration, Duration, int, Polling, Probe)}, with the items dealt in turn to {@code lanes}
     * lanes (item {@code i} to lane {@code i % lanes}), each with its own histogram of answer latencies. Sides compared
     * in one window this way meet the same machine: a stall of the whole machine (another process, the load
     * generator's own collector) falls on every lane alike instead of on whichever side was measured at that moment.
     */
    public static Result run(int ratePerSecond, Duration warmUp, Duration measure, int workers, int lanes,
            Polling polling, Probe probe) {
        long warmCount = Math.round(ratePerSecond * warmUp.toMillis() / 1000.0);
        long total = warmCount + Math.round(ratePerSecond * measure.toMillis() / 1000.0);
        double periodNanos = 1e9 / ratePerSecond;
        Recorder accepted = new Recorder(LatencyStats.HIGHEST_MICROS, 3);
        Recorder[] acceptedByLane = new Recorder[lanes];
        AtomicLongArray failedByLane = new AtomicLongArray(lanes);
        for (int lane = 0; lane < lanes; lane++) {
            acceptedByLane[lane] = new Recorder(LatencyStats.HIGHEST_MICROS, 3);
        }
        Recorder visible = new Recorder(LatencyStats.HIGHEST_MICROS, 3);
        AtomicLong next = new AtomicLong();
        AtomicLong failedSends = new AtomicLong();
        AtomicLong neverVisible = new AtomicLong();
        AtomicLong polls = new AtomicLong();
        AtomicLong maxLagNanos = new AtomicLong();
        AtomicLong lastSendNanos = new AtomicLong();
        AtomicLong notSent = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long start = System.nanoTime() + 50_000_000L;
        long measureStart = start + Math.round(warmCount * periodNanos);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread thread = new Thread(() -> {
                long i;
                while ((i = next.getAndIncrement()) < total) {
                    long intended = start + Math.round(i * periodNanos);
                    Schedule.parkUntil(intended);
                    long sentAt = System.nanoTime();
                    boolean recorded = i >= warmCount;
                    if (sentAt - intended > MAX_LAG.toNanos()) {
                        notSent.incrementAndGet();
                        if (recorded) {
                            // a lost item counts with the time it was given up at: losing items never improves a percentile
                            visible.recordValue(lostMicros(sentAt - intended, polling));
                        }
                        continue;
                    }
                    maxLagNanos.accumulateAndGet(sentAt - intended, Math::max);
                    boolean ok;
                    try {
                        ok = probe.send(i);
                    } catch (Exception e) {
                        ok = false;
                        firstError.compareAndSet(null, "send: " + e);
                    }
                    long acceptedAt = System.nanoTime();
                    lastSendNanos.accumulateAndGet(acceptedAt, Math::max);
                    int lane = (int) (i % lanes);
                    if (!ok) {
                        failedSends.incrementAndGet();
                        if (recorded) {
                            failedByLane.incrementAndGet(lane);
                        }
                        if (recorded) {
                            visible.recordValue(lostMicros(acceptedAt - intended, polling));
                        }
                        continue;
                    }
                    if (recorded) {
                        accepted.recordValue(micros(acceptedAt - intended));
                        acceptedByLane[lane].recordValue(micros(acceptedAt - intended));
                    }
                    Long seenAt = awaitVisible(i, intended, polling, probe, polls, firstError);
                    if (seenAt == null) {
                        neverVisible.incrementAndGet();
                        if (recorded) {
                            visible.recordValue(lostMicros(System.nanoTime() - intended, polling));
                        }
                    } else if (recorded) {
                        visible.recordValue(micros(seenAt - intended));
                    }
                }
            }, "constant-rate-" + w);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        long joinMillis = warmUp.toMillis() + measure.toMillis() + polling.giveUpAfter().toMillis() + 60_000;
        Schedule.joinAll(threads, joinMillis);
        double measuredSeconds = measure.toMillis() / 1000.0;
        long sentMeasured = total - warmCount - notSent.get();
        double achieved = sentMeasured / Math.max(1e-9, (lastSendNanos.get() - measureStart) / 1e9);
        List<LatencyStats> byLane = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            byLane.add(LatencyStats.of(acceptedByLane[lane].getIntervalHistogram(), failedByLane.get(lane), measuredSeconds,
                    null));
        }
        return new Result(LatencyStats.of(accepted.getIntervalHistogram(), failedSends.get(), measuredSeconds, null),
                LatencyStats.of(visible.getIntervalHistogram(), neverVisible.get(), measuredSeconds, null),
                total - notSent.get(), failedSends.get(), neverVisible.get(), notSent.get(), achieved, maxLagNanos.get() / 1e6, polls.get(), firstError.get(),
                List.copyOf(byLane));
    }

    private static Long awaitVisible(long i, long intended, Polling polling, Probe probe, AtomicLong polls,
            AtomicReference<String> firstError) {
        long firstPoll = System.nanoTime();
        long giveUp = firstPoll + polling.giveUpAfter().toNanos();
        while (true) {
            polls.incrementAndGet();
            try {
                if (probe.visible(i)) {
                    return System.nanoTime();
                }
            } catch (Exception e) {
                firstError.compareAndSet(null, "poll: " + e);
            }
            long now = System.nanoTime();
            if (now >= giveUp) {
                return null;
            }
            LockSupport.parkNanos(polling.nextWaitNanos(now - intended));
        }
    }

    /** A lost item's latency: the time it was given up at, and never less than the give-up time. */
    private static long lostMicros(long elapsedNanos, Polling polling) {
        return micros(Math.max(elapsedNanos, polling.giveUpAfter().toNanos()));
    }

    private static long micros(long nanos) {
        return Math.max(0, Math.min(nanos / 1000, LatencyStats.HIGHEST_MICROS));
    }
}
