package org.backrelief.bench.load;

import java.util.LinkedHashMap;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * What one load run measured: requests, errors, throughput and latency percentiles in milliseconds from an
 * HdrHistogram recorded in microseconds.
 */
public record LatencyStats(long count, long errors, double seconds, double throughput, double p50, double p90,
        double p99, double p999, double max, double mean, String firstError) {

    /** Highest latency the histograms track: one minute, in microseconds. */
    public static final long HIGHEST_MICROS = 60_000_000L;

    public static Histogram newHistogram() {
        return new Histogram(HIGHEST_MICROS, 3);
    }

    public static LatencyStats of(Histogram micros, long errors, double seconds, String firstError) {
        long count = micros.getTotalCount();
        if (count == 0) {
            // nothing succeeded: no percentile exists (NaN is "not measured" in the report, never a fast 0 ms)
            return new LatencyStats(0, errors, seconds, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, firstError);
        }
        return new LatencyStats(count, errors, seconds, seconds > 0 ? count / seconds : 0,
                ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(90)),
                ms(micros.getValueAtPercentile(99)), ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()),
                count == 0 ? 0 : micros.getMean() / 1000.0, firstError);
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    /** A compact map for the JSON details. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("requests", count);
        map.put("errors", errors);
        map.put("seconds", round(seconds));
        map.put("throughputPerSecond", round(throughput));
        map.put("p50Ms", round(p50));
        map.put("p90Ms", round(p90));
        map.put("p99Ms", round(p99));
        map.put("p999Ms", round(p999));
        map.put("maxMs", round(max));
        map.put("meanMs", round(mean));
        if (firstError != null) {
            map.put("firstError", firstError);
        }
        return map;
    }

    public static double round(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 1000) / 1000.0;
    }
}
