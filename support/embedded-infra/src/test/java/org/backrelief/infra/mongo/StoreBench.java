package org.backrelief.infra.mongo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.backrelief.infra.EmbeddedMongo;
import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Updates;

/**
 * Not a test: a driver that measures the embedded store (RELIABILITY.md). It writes what one completion costs the
 * two databases (planner: the completion with its event and answer, the session's status, the outbox marks; tracking:
 * the session fact with its indexes), with a few concurrent clients, then closes the server and measures the file and
 * the time to reopen it (the server opens every database and rebuilds the in-memory indexes).
 * <p>
 * Run: {@code java -cp <test classpath> org.backrelief.infra.mongo.StoreBench <dir> <completions> [clients]}. The
 * tracker's ingest at volume, with concurrent scans, is {@link EventStoreBench}.
 */
public final class StoreBench {

    private static final int USERS = 200;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int completions = Integer.parseInt(args[1]);
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Files.createDirectories(dir);
        Path file = dir.resolve("mongo.mv");

        long writeStart = System.nanoTime();
        AtomicLong next = new AtomicLong(count(dir));
        try (EmbeddedMongo mongo = EmbeddedMongo.persistent("127.0.0.1", 0, dir).start();
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoDatabase planner = client.getDatabase("planner");
            MongoDatabase tracking = client.getDatabase("tracking");
            tracking.getCollection("session_facts").createIndex(Indexes.ascending("eventId"));
            tracking.getCollection("session_facts").createIndex(Indexes.ascending("userId", "localDate"));
            // as planner-service's MongoIndexes: the outbox relay's and the adaptation sweep's queries
            planner.getCollection("completions").createIndex(Indexes.ascending("outbox.state", "createdAt"));
            planner.getCollection("completions").createIndex(Indexes.ascending("adapted", "createdAt"));
            planner.getCollection("sessions").createIndex(Indexes.ascending("userId"));
            long base = next.get();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < clients; t++) {
                futures.add(pool.submit(() -> {
                    long i;
                    while ((i = next.getAndIncrement()) < base + completions) {
                        complete(planner, tracking, i);
                    }
                    return null;
                }));
            }
            long peak = 0;
            for (Future<?> future : futures) {
                while (true) {
                    try {
                        future.get(200, TimeUnit.MILLISECONDS);
                        break;
                    } catch (java.util.concurrent.TimeoutException e) {
                        peak = Math.max(peak, Files.exists(file) ? Files.size(file) : 0);
                    }
                }
            }
            System.out.printf("while running: peak file=%.1f MB, at the end %.1f MB%n", peak / 1e6, Files.size(file) / 1e6);
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
        long total = next.get() > 0 ? count(dir) + completions : 0;
        Files.writeString(dir.resolve("bench-count"), Long.toString(total));
        long size = Files.size(file);

        long openStart = System.nanoTime();
        long docs;
        try (EmbeddedMongo mongo = EmbeddedMongo.persistent("127.0.0.1", 0, dir).start();
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            docs = client.getDatabase("planner").getCollection("completions").countDocuments();
            double openSeconds = (System.nanoTime() - openStart) / 1e9;
            System.out.printf("completions=%d (this run %d in %.1f s, %.0f/s, %d clients) file=%.1f MB (%.2f KB/completion)"
                    + " reopen=%.2f s docs=%d%n", total, completions, writeSeconds, completions / writeSeconds, clients,
                    size / 1e6, size / 1024.0 / Math.max(1, total), openSeconds, docs);
        }
        System.out.printf("after close: file=%.1f MB%n", Files.size(file) / 1e6);
    }

    private static long count(Path dir) throws Exception {
        Path counter = dir.resolve("bench-count");
        return Files.exists(counter) ? Long.parseLong(Files.readString(counter).trim()) : 0;
    }

    private static void complete(MongoDatabase planner, MongoDatabase tracking, long i) throws Exception {
        String user = "user-" + (i % USERS);
        String session = user + "-session-" + (i / USERS);
        String eventId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        MongoCollection<Document> sessions = planner.getCollection("sessions");
        sessions.insertOne(new Document("_id", session).append("userId", user).append("planId", user + "-plan")
                .append("status", "SCHEDULED").append("weekNumber", 1 + i / USERS / 5).append("step", 2)
                .append("exercises", exercises()));
        Document data = new Document("sessionId", session).append("userId", user).append("planId", user + "-plan")
                .append("completedAt", now).append("painBefore", 3).append("painAfter", 2)
                .append("exercises", List.of("cat-cow", "bird-dog", "glute-bridge", "dead-bug"));
        // the shape planner-service stores (CompletionEntity): the event rides in the document's outbox entry
        Document outbox = new Document("eventId", eventId).append("eventType", "org.backrelief.session.completed.v1")
                .append("key", user).append("occurredAt", now).append("data", data).append("state", "PENDING")
                .append("attempts", 0);
        planner.getCollection("completions").insertOne(new Document("_id", session).append("userId", user)
                .append("planId", user + "-plan").append("createdAt", now)
                .append("weekNumber", 1).append("step", 2).append("fingerprint", UUID.randomUUID().toString())
                .append("result", new Document("sessionId", session).append("eventId", eventId)
                        .append("status", "COMPLETED").append("nextSession", session + "-next"))
                .append("outbox", outbox).append("adapted", false));
        sessions.updateOne(Filters.eq("_id", session), Updates.combine(Updates.set("status", "COMPLETED"),
                Updates.set("completedAt", now)));
        planner.getCollection("completions").updateMany(Filters.in("_id", List.of(session)),
                Updates.combine(Updates.set("outbox.state", "PUBLISHED"), Updates.set("outbox.publishedAt", Instant.now())));
        tracking.getCollection("session_facts").insertMany(List.of(new Document("_id", eventId)
                .append("eventId", eventId).append("userId", user).append("sessionId", session)
                .append("localDate", now.toString().substring(0, 10)).append("occurredAt", now)
                .append("painBefore", 3).append("painAfter", 2).append("minutes", 14)), new InsertManyOptions().ordered(false));
        planner.getCollection("completions").updateOne(Filters.eq("_id", session), Updates.set("adapted", true));
        planner.getCollection("completions").find(Filters.eq("outbox.state", "PENDING"))
                .sort(Indexes.ascending("createdAt")).limit(100).into(new ArrayList<>());
    }

    private static List<Document> exercises() {
        return Stream.of("cat-cow", "bird-dog", "glute-bridge", "dead-bug")
                .map(id -> new Document("exerciseId", id).append("sets", 2).append("reps", 10).append("holdSeconds", 5))
                .toList();
    }
}
