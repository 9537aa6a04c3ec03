package org.backrelief.infra.mongo;

import java.nio.file.Files;
import java.nio.file.Path;

import org.backrelief.infra.EmbeddedMongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * Not a test (too long for the build): a driver that stores many events in the embedded store the tracker's way
 * ({@link TrackerIngestLoad}) while readers scan and page, and reports what RELIABILITY.md quotes: read errors (H2's
 * "Chunk … not found"), the file's size while running (sampled every 100 ms) and after close, and the time to reopen.
 * <p>
 * Run (RELIABILITY.md, "The embedded store"):
 * {@code java -cp <embedded-infra test classpath> org.backrelief.infra.mongo.EventStoreBench <dir> <events> [writers] [scanners] [scan pause ms]}
 * on an empty {@code dir} (defaults: 2 writers, 2 scanners, 5,000 ms between one scanner's scans).
 */
public final class EventStoreBench {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long events = Long.parseLong(args[1]);
        int writers = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int scanners = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        long scanPauseMillis = args.length > 4 ? Long.parseLong(args[4]) : 5_000;
        Files.createDirectories(dir);
        Path file = dir.resolve("mongo.mv");
        long batches = events / TrackerIngestLoad.BATCH;

        long start = System.nanoTime();
        long peak;
        TrackerIngestLoad load;
        try (EmbeddedMongo mongo = EmbeddedMongo.persistent("127.0.0.1", 0, dir).start();
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            load = new TrackerIngestLoad(client.getDatabase("backrelief_tracking"));
            load.createIndexes();
            peak = load.run(events, writers, scanners, scanPauseMillis, file, System.out::println);
        }
        double writeSeconds = seconds(start);
        long closed = Files.size(file);

        long reopenStart = System.nanoTime();
        long count;
        double openSeconds;
        double countSeconds;
        try (EmbeddedMongo mongo = EmbeddedMongo.persistent("127.0.0.1", 0, dir).start();
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            TrackerIngestLoad reopened = new TrackerIngestLoad(client.getDatabase("backrelief_tracking"));
            reopened.historyPage("user-1"); // open and ready: the first indexed read answered
            openSeconds = seconds(reopenStart);
            long countStart = System.nanoTime();
            count = reopened.count(); // an aggregation: reads every document
            countSeconds = seconds(countStart);
        }
        double reopenSeconds = seconds(reopenStart);
        System.out.printf("events=%d stored=%d redelivered duplicates=%d count after reopen=%d in %.0f s (%.0f events/s)%n",
                batches * TrackerIngestLoad.BATCH, load.stored.get(), load.duplicates.get(), count, writeSeconds,
                batches * TrackerIngestLoad.BATCH / writeSeconds);
        System.out.printf("reads: scans=%d history pages=%d read errors=%d%s%n", load.scans.get(), load.historyReads.get(),
                load.readErrors.get(), load.firstReadError.get() == null ? "" : " (first: " + load.firstReadError.get() + ")");
        System.out.printf("file: peak while running %.1f MB, after close %.1f MB (%.2f KB/event); reopen %.2f s to the first"
                + " history page, %.2f s with a full count (%.2f s) and close%n", peak / 1e6, closed / 1e6,
                closed / 1024.0 / Math.max(1, count), openSeconds, reopenSeconds, countSeconds);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
