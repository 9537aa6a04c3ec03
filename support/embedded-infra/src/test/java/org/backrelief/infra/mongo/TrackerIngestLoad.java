package org.backrelief.infra.mongo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.bson.Document;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;

/**
 * The tracker's use of the embedded store, for {@link EventStoreBench} and {@link PinnedScansKeepStoreBoundedTest}:
 * session facts shaped as tracking-service's {@code FactDocuments} writes them (natural key in {@code _id}, a unique
 * {@code eventId} index, the per-user history index), stored in batches with one unordered {@code insertMany} each
 * (some batches delivered twice, as Kafka redelivers), while readers page through one user's history and scan the whole
 * collection (the stats and a history rebuild do), each read pinning the store version it reads.
 */
final class TrackerIngestLoad {

    static final int BATCH = 100;
    private static final int USERS = 5_000;
    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);
    private static final Instant EPOCH = Instant.parse("2026-01-01T08:00:00Z");

    private final MongoCollection<Document> facts;
    final AtomicLong stored = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong scans = new AtomicLong();
    final AtomicLong historyReads = new AtomicLong();
    final AtomicLong readErrors = new AtomicLong();
    final AtomicReference<String> firstReadError = new AtomicReference<>();

    TrackerIngestLoad(MongoDatabase database) {
        this.facts = database.getCollection("session_facts_1");
    }

    /** The indexes tracking-service's FactCollections creates. */
    void createIndexes() {
        facts.createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true).name("eventId_unique"));
        facts.createIndex(Indexes.compoundIndex(Indexes.ascending("userId"), Indexes.descending("localDate"),
                Indexes.descending("completedAt")), new IndexOptions().name("user_history"));
    }

    /** Stores batch {@code number} (events {@code number * BATCH} ...); every 50th batch is delivered twice. */
    void ingest(long number) {
        List<Document> batch = new ArrayList<>(BATCH);
        for (int k = 0; k < BATCH; k++) {
            batch.add(fact(number * BATCH + k));
        }
        insert(batch);
        if (number % 50 == 49) {
            insert(batch); // a redelivery: every document meets the unique eventId index
        }
    }

    private void insert(List<Document> batch) {
        try {
            facts.insertMany(batch, UNORDERED);
            stored.addAndGet(batch.size());
        } catch (MongoBulkWriteException e) {
            duplicates.addAndGet(e.getWriteErrors().size());
            stored.addAndGet(batch.size() - e.getWriteErrors().size());
        }
    }

    /** Event {@code n}: about 1 KB of BSON, as a completed session of six exercises is. */
    static Document fact(long n) {
        String user = "user-" + (n % USERS);
        String session = "session-" + (n / USERS) + "-" + UUID.nameUUIDFromBytes(Long.toString(n).getBytes());
        String eventId = UUID.nameUUIDFromBytes(("event-" + n).getBytes()).toString();
        Instant completedAt = EPOCH.plus(n / USERS, ChronoUnit.DAYS).plusSeconds(n % 3_600);
        List<Document> exercises = new ArrayList<>(6);
        for (String id : List.of("cat-cow", "bird-dog", "glute-bridge", "dead-bug", "pelvic-tilt", "child-pose")) {
            exercises.add(new Document("exerciseId", id).append("phase", "MOBILITY").append("status", "DONE")
                    .append("sets", 2).append("reps", 10).append("holdSeconds", 5).append("durationSeconds", 90));
        }
        return new Document("_id", user.length() + ":" + user + "/" + session).append("eventId", eventId)
                .append("rank", String.format("%016d|%s", completedAt.toEpochMilli(), eventId))
                .append("userId", user).append("sessionId", session).append("planId", user + "-plan")
                .append("scheduledDate", completedAt.toString().substring(0, 10))
                .append("completedAt", Date.from(completedAt)).append("zoneId", "Europe/Berlin")
                .append("localDate", completedAt.toString().substring(0, 10)).append("weekNumber", 1 + (int) (n / USERS / 3))
                .append("sessionsScheduledThisWeek", 3).append("sessionsPerWeek", 3).append("painBefore", 4)
                .append("painAfter", (int) (n % 4)).append("exertion", 5).append("durationSeconds", 840)
                .append("exercises", exercises);
    }

    /**
     * Scans the whole collection until {@code running} is false (a query without an index), pausing {@code pauseMillis}
     * between scans. mongo-java-server locks a collection for the length of each command, so a scan holds up every
     * write to it: at 200,000 events two back-to-back scanners left the writers a few percent of the time.
     */
    Runnable scanner(AtomicBoolean running, long pauseMillis) {
        return () -> {
            while (running.get()) {
                read(() -> facts.countDocuments(Filters.eq("painAfter", 2)));
                scans.incrementAndGet();
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        };
    }

    /** Reads the first history page of random users until {@code running} is false. */
    Runnable historyReader(AtomicBoolean running) {
        return () -> {
            while (running.get()) {
                String user = "user-" + ThreadLocalRandom.current().nextInt(USERS);
                read(() -> historyPage(user));
                historyReads.incrementAndGet();
            }
        };
    }

    /** The first page of one user's history, through the {@code user_history} index. */
    List<Document> historyPage(String user) {
        return facts.find(Filters.eq("userId", user))
                .sort(Sorts.orderBy(Sorts.descending("localDate"), Sorts.descending("completedAt")))
                .limit(20).into(new ArrayList<>());
    }

    private void read(Runnable query) {
        try {
            query.run();
        } catch (RuntimeException e) {
            // H2 reading a chunk that was already reused: "Chunk … not found"
            readErrors.incrementAndGet();
            firstReadError.compareAndSet(null, e.toString());
        }
    }

    /**
     * Stores {@code events} with {@code writers} threads while {@code scanners} threads scan (pausing
     * {@code scanPauseMillis} after each) and one pages through history; samples the size of {@code file} every 100 ms, reports about ten times on {@code progress}, and returns
     * the largest size seen. A write error is thrown.
     */
    long run(long events, int writers, int scanners, long scanPauseMillis, Path file, Consumer<String> progress) throws Exception {
        long start = System.nanoTime();
        long batches = events / BATCH;
        AtomicLong next = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(writers + scanners + 1);
        long peak = 0;
        try {
            List<Future<?>> writing = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                writing.add(pool.submit(() -> {
                    long batch;
                    while ((batch = next.getAndIncrement()) < batches) {
                        ingest(batch);
                    }
                }));
            }
            for (int s = 0; s < scanners; s++) {
                pool.submit(scanner(running, scanPauseMillis));
            }
            pool.submit(historyReader(running));
            long reportEvery = Math.max(1, batches / 10);
            long reported = 0;
            while (writing.stream().anyMatch(f -> !f.isDone())) {
                Thread.sleep(100);
                long size = Files.exists(file) ? Files.size(file) : 0;
                peak = Math.max(peak, size);
                long done = Math.min(next.get(), batches);
                if (done / reportEvery > reported) {
                    reported = done / reportEvery;
                    progress.accept(String.format("%7d events  %6.0f s  file %6.1f MB (peak %6.1f)  scans %d  history reads %d"
                            + "  read errors %d", done * BATCH, (System.nanoTime() - start) / 1e9, size / 1e6, peak / 1e6,
                            scans.get(), historyReads.get(), readErrors.get()));
                }
            }
            for (Future<?> future : writing) {
                future.get();
            }
        } finally {
            running.set(false);
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.MINUTES);
        }
        return peak;
    }

    long count() {
        return facts.countDocuments();
    }
}
