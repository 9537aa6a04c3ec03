package org.backrelief.bench.load;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * {@code concurrency} clients, each sending its next request as soon as the previous answered, for a fixed time after
 * a warm-up: the way to find throughput at a given concurrency. Latency here is service time under that load (a
 * closed loop cannot show queueing beyond it; the freshness run uses a constant rate for that).
 */
public final class ClosedLoop {

    /** Builds the request for client {@code client}'s {@code n}-th call. */
    @FunctionalInterface
    public interface Requests {
        HttpRequest next(int client, long n);
    }

    private ClosedLoop() {
    }

    public static LatencyStats run(Http http, int concurrency, Duration warmUp, Duration measure, Requests requests) {
        Recorder recorder = new Recorder(LatencyStats.HIGHEST_MICROS, 3);
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measure.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                long n = 0;
                while (true) {
                    long before = System.nanoTime();
                    if (before >= end) {
                        return;
                    }
                    Http.Response response = http.send(requests.next(client, n++));
                    long after = System.nanoTime();
                    if (after < measureFrom) {
                        continue; // warm-up: JIT, connection pool, caches
                    }
                    if (after > end) {
                        return; // throughput counts the answers inside the window
                    }
                    if (response.ok()) {
                        recorder.recordValue(Math.min((after - before) / 1000, LatencyStats.HIGHEST_MICROS));
                    } else {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, "HTTP " + response.status() + " " + Http.abbreviate(response.body(), 300));
                    }
                }
            }, "load-client-" + c);
            thread.setDaemon(true);
            clients.add(thread);
            thread.start();
        }
        Schedule.joinAll(clients, warmUp.toMillis() + measure.toMillis() + Http.REQUEST_TIMEOUT.toMillis() + 5_000);
        Histogram histogram = recorder.getIntervalHistogram();
        return LatencyStats.of(histogram, errors.get(), measure.toNanos() / 1e9, firstError.get());
    }
}
