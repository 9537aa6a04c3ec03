package org.backrelief.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Pairs at a constant rate: at each round's intended time the reference lane (lane 0, the service itself) and one
 * other lane, in turn ({@link #partnerOf}), send their request at once, each from its own thread; what the other took
 * beyond the reference in the same round is that request's added latency. A stall of the whole machine (another
 * process, a collection, the host taking a core away) holds up both requests of the round it falls on, so it cancels
 * out of the difference instead of landing on one side's p99 and not the other's: with sides measured separately,
 * even in one shared window, the same nginx measured twice gave added p99 ratios from −20 to 4 on a noisy day
 * (BENCHMARKS.md). Only two requests are in flight per round, so what one proxy costs never slows another's request.
 * <p>
 * Latencies run from the intended send time (wrk2-style), so a generator that falls behind charges both alike.
 */
public final class PairedRounds {

    /** What lane {@code lane} sends in round {@code round}; false (or an exception) is a failed request. */
    public interface Probe {
        boolean send(int lane, long round) throws Exception;
    }

    /**
     * @param rounds rounds measured (after the warm-up)
     * @param completeRounds rounds in which both requests succeeded: only those count in {@link #added}
     * @param addedNanos per lane, the added latency of each of its complete rounds, sorted (none for the reference)
     */
    public record Result(long rounds, long completeRounds, long failedRequests, String firstError,
            List<long[]> addedNanos) {

        /** The {@code percentile} of what {@code lane} added beyond lane 0 in the same rounds, in ms; NaN without any. */
        public double added(int lane, double percentile) {
            return percentileMs(addedNanos.get(lane), percentile);
        }
    }

    /** Nearest-rank percentile of sorted values in nanoseconds, in milliseconds; NaN for none. */
    static double percentileMs(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    private PairedRounds() {
    }

    /** The lane paired with the reference in {@code round}: lanes 1 … {@code lanes − 1} in turn. */
    static int partnerOf(long round, int lanes) {
        return 1 + (int) (round % (lanes - 1));
    }

    /**
     * @param roundsPerSecond rounds per second; each round sends two requests, so each lane but the reference gets
     *        {@code roundsPerSecond / (lanes − 1)} of them
     * @param lanes the reference and at least one lane compared with it
     * @param workersPerSide threads for the reference's requests, and as many for the others': enough for the rate ×
     *        the slowest latency expected
     */
    public static Result run(int roundsPerSecond, Duration warmUp, Duration measure, int lanes, int workersPerSide,
            Probe probe) {
        if (lanes < 2) {
            throw new IllegalArgumentException("pairs need the reference and at least one other lane");
        }
        long warmRounds = Math.round(roundsPerSecond * warmUp.toMillis() / 1000.0);
        long total = warmRounds + Math.round(roundsPerSecond * measure.toMillis() / 1000.0);
        int measured = (int) (total - warmRounds);
        double periodNanos = 1e9 / roundsPerSecond;
        // latency from the intended time of each measured round: [0] the reference's, [1] its partner's; -1 = failed
        long[][] latency = new long[2][measured];
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long start = System.nanoTime() + 50_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int member = 0; member < 2; member++) {
            boolean reference = member == 0;
            long[] latencies = latency[member];
            AtomicLong next = new AtomicLong();
            for (int w = 0; w < workersPerSide; w++) {
                Thread thread = new Thread(() -> {
                    long round;
                    while ((round = next.getAndIncrement()) < total) {
                        long intended = start + Math.round(round * periodNanos);
                        Schedule.parkUntil(intended);
                        int lane = reference ? 0 : partnerOf(round, lanes);
                        boolean ok;
                        try {
                            ok = probe.send(lane, round);
                        } catch (Exception e) {
                            ok = false;
                            firstError.compareAndSet(null, "lane " + lane + ": " + e);
                        }
                        long took = System.nanoTime() - intended;
                        if (round >= warmRounds) {
                            latencies[(int) (round - warmRounds)] = ok ? took : -1;
                            if (!ok) {
                                failed.incrementAndGet();
                            }
                        }
                    }
                }, "paired-rounds-" + (reference ? "reference" : "partner") + "-" + w);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }
        Schedule.joinAll(threads, warmUp.toMillis() + measure.toMillis() + Http.REQUEST_TIMEOUT.toMillis() + 60_000);
        return added(latency[0], latency[1], warmRounds, lanes, failed.get(), firstError.get());
    }

    /**
     * Each partner's latency minus the reference's in the same round, per lane, over the rounds in which neither
     * failed; {@code firstRound} is the round of index 0 (it decides the partners).
     */
    static Result added(long[] reference, long[] partner, long firstRound, int lanes, long failedRequests,
            String firstError) {
        List<List<Long>> byLane = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            byLane.add(new ArrayList<>());
        }
        int complete = 0;
        for (int i = 0; i < reference.length; i++) {
            if (reference[i] >= 0 && partner[i] >= 0) {
                byLane.get(partnerOf(firstRound + i, lanes)).add(partner[i] - reference[i]);
                complete++;
            }
        }
        List<long[]> sorted = new ArrayList<>();
        for (List<Long> lane : byLane) {
            long[] values = lane.stream().mapToLong(Long::longValue).sorted().toArray();
            sorted.add(values);
        }
        return new Result(reference.length, complete, failedRequests, firstError, List.copyOf(sorted));
    }
}
