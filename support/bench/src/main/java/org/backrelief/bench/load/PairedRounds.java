package org.backrelief.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * Pairs at a constant rate: at each round's intended time the reference lane (lane 0, the service itself) and one
 * other lane ({@link #partnerOf}) send their request at once, each from its own thread; what the other took beyond the
 * reference in the same round is that request's added latency. A stall of the whole machine (another process, a
 * collection, the host taking a core away) holds up both requests of the round it falls on, so it cancels out of the
 * difference instead of landing on one side's p99 and not the other's: with sides measured separately, even in one
 * shared window, the same nginx measured twice gave added p99 ratios from −83 to 10 over four runs on a 2-core machine
 * (BENCHMARKS.md). Within a round only one lane besides the reference is in flight, so a lane's request does not wait
 * on another lane's work sent at the same moment (rounds still overlap when answers take longer than the gap between
 * them); the two members of a pair do compete with each other, alike for every lane.
 * <p>
 * Latencies run from the intended send time (wrk2-style): a member that could only be sent late, for want of a free
 * worker, is charged the wait. {@link Result#skewedRounds} counts the rounds whose two sends started more than
 * {@link #SKEW_NANOS} apart, so a report can tell when the generator itself, not the lanes, made a difference.
 */
public final class PairedRounds {

    /** Two sends further apart than this did not start "at once". */
    public static final long SKEW_NANOS = 1_000_000L;

    /** What lane {@code lane} sends in round {@code round}; false (or an exception) is a failed request. */
    public interface Probe {
        boolean send(int lane, long round) throws Exception;
    }

    /**
     * @param rounds rounds measured (after the warm-up)
     * @param completeRounds rounds in which both requests were sent and succeeded: only those count in {@link #added}
     * @param skewedRounds complete rounds whose two sends started more than {@link #SKEW_NANOS} apart
     * @param addedNanos per lane, the added latency of each of its complete rounds, sorted (none for the reference)
     */
    public record Result(long rounds, long completeRounds, long skewedRounds, long failedRequests, String firstError,
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
        // the epsilon keeps p99.9 of 1,000 values at the 999th, not the maximum (99.9 / 100 × 1000 is 999.0000000001)
        int rank = (int) Math.ceil(percentile * sorted.length / 100 - 1e-9);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    /** A member's latency slot before a worker wrote it: never counted as a measured round. */
    private static final long NOT_MEASURED = Long.MIN_VALUE;
    /** A member's latency slot when its request failed. */
    private static final long FAILED = -1;

    private PairedRounds() {
    }

    /**
     * The lane paired with the reference in {@code round}: every lane once in each block of {@code lanes − 1} rounds,
     * in an order shuffled per block (seeded by it), so that no lane always follows the same neighbour.
     */
    static int partnerOf(long round, int lanes) {
        int others = lanes - 1;
        List<Integer> order = new ArrayList<>(IntStream.rangeClosed(1, others).boxed().toList());
        Collections.shuffle(order, new Random(round / others));
        return order.get((int) (round % others));
    }

    /** {@link #partnerOf} for {@code count} rounds from {@code first}: worked out once, before any request is timed. */
    static int[] partners(long first, int count, int lanes) {
        int[] partners = new int[count];
        for (int i = 0; i < count; i++) {
            partners[i] = partnerOf(first + i, lanes);
        }
        return partners;
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
        // the partners up front: a shuffle per send would be the load generator's work on the measured cores
        int[] partners = partners(0, (int) total, lanes);
        // per member ([0] the reference, [1] its partner) and measured round: latency from the intended time, or
        // FAILED; NOT_MEASURED until a worker wrote it (a worker that died or a join that timed out leaves it)
        long[][] latency = new long[2][measured];
        long[][] sentAt = new long[2][measured];
        for (long[] member : latency) {
            Arrays.fill(member, NOT_MEASURED);
        }
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long start = System.nanoTime() + 50_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int member = 0; member < 2; member++) {
            boolean reference = member == 0;
            long[] latencies = latency[member];
            long[] sends = sentAt[member];
            AtomicLong next = new AtomicLong();
            for (int w = 0; w < workersPerSide; w++) {
                Thread thread = new Thread(() -> {
                    long round;
                    while ((round = next.getAndIncrement()) < total) {
                        long intended = start + Math.round(round * periodNanos);
                        Schedule.parkUntil(intended);
                        int lane = reference ? 0 : partners[(int) round];
                        long sent = System.nanoTime();
                        boolean ok;
                        try {
                            ok = probe.send(lane, round);
                        } catch (Exception e) {
                            ok = false;
                            firstError.compareAndSet(null, "lane " + lane + ": " + e);
                        }
                        long took = System.nanoTime() - intended;
                        if (round >= warmRounds) {
                            int index = (int) (round - warmRounds);
                            sends[index] = sent;
                            latencies[index] = ok ? took : FAILED;
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
        return added(latency, sentAt, Arrays.copyOfRange(partners, (int) warmRounds, (int) total), lanes, failed.get(),
                firstError.get());
    }

    /**
     * Each partner's latency minus the reference's in the same round, per lane, over the rounds in which both were
     * measured and neither failed; {@code partners} holds each round's partner lane.
     *
     * @param latency [0] the reference's, [1] the partner's, per round: nanoseconds, {@code -1} failed,
     *        {@link Long#MIN_VALUE} never measured
     * @param sentAt the same, when each request was really sent ({@link System#nanoTime()})
     */
    static Result added(long[][] latency, long[][] sentAt, int[] partners, int lanes, long failedRequests,
            String firstError) {
        long[] reference = latency[0];
        long[] partner = latency[1];
        List<List<Long>> byLane = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            byLane.add(new ArrayList<>());
        }
        int complete = 0;
        int skewed = 0;
        for (int i = 0; i < reference.length; i++) {
            if (reference[i] >= 0 && partner[i] >= 0) {
                byLane.get(partners[i]).add(partner[i] - reference[i]);
                complete++;
                skewed += Math.abs(sentAt[1][i] - sentAt[0][i]) > SKEW_NANOS ? 1 : 0;
            }
        }
        List<long[]> sorted = new ArrayList<>();
        for (List<Long> lane : byLane) {
            sorted.add(lane.stream().mapToLong(Long::longValue).sorted().toArray());
        }
        return new Result(reference.length, complete, skewed, failedRequests, firstError, List.copyOf(sorted));
    }
}
