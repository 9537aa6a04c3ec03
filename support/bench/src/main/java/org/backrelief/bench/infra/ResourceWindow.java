package org.backrelief.bench.infra;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU time and peak resident memory of each process of the stack (and of the benchmark JVM, the load generator)
 * while one measurement runs: the CPU split tells which process limits a figure on a 2-core machine.
 */
public final class ResourceWindow implements AutoCloseable {

    public static final String BENCH = "bench (load generator)";
    private static final long SAMPLE_MILLIS = 200;

    private final Map<String, Long> pids;
    private final Map<String, Double> cpuAtStart = new LinkedHashMap<>();
    private final Map<String, Double> maxRss = new ConcurrentHashMap<>();
    private final long startNanos = System.nanoTime();
    private final Thread sampler;
    private volatile boolean running = true;
    private Map<String, Usage> result;

    private ResourceWindow(Map<String, Long> pids) {
        this.pids = new LinkedHashMap<>(pids);
        this.pids.put(BENCH, ProcessHandle.current().pid());
        this.pids.forEach((name, pid) -> cpuAtStart.put(name, ProcStats.cpuSeconds(pid)));
        sample();
        sampler = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    public static ResourceWindow open(Map<String, Long> pids) {
        return new ResourceWindow(pids);
    }

    private void sample() {
        pids.forEach((name, pid) -> {
            double rss = ProcStats.rssMiB(pid);
            if (!Double.isNaN(rss)) {
                maxRss.merge(name, rss, Math::max);
            }
        });
    }

    /** Per process: CPU seconds used in the window, average cores busy, peak RSS. */
    public record Usage(double cpuSeconds, double cores, double peakRssMiB) {
    }


    public synchronized Map<String, Usage> usage() {
        if (result != null) {
            return result;
        }
        running = false;
        sampler.interrupt();
        sample();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Usage> usage = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            double cpu = ProcStats.cpuSeconds(pid) - cpuAtStart.getOrDefault(name, Double.NaN);
            usage.put(name, new Usage(round(cpu), round(cpu / seconds), round(maxRss.getOrDefault(name, Double.NaN))));
        });
        result = usage;
        return usage;
    }

    /** Milliseconds of CPU per request of each process, for {@code requests} requests served in the window. */
    public Map<String, Double> cpuMillisPer(long requests) {
        Map<String, Double> perRequest = new LinkedHashMap<>();
        usage().forEach((name, usage) -> perRequest.put(name,
                requests == 0 ? Double.NaN : Math.round(usage.cpuSeconds() * 1e6 / requests) / 1000.0));
        return perRequest;
    }

    public double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @Override
    public void close() {
        usage();
    }

    private static double round(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 100) / 100.0;
    }
}
