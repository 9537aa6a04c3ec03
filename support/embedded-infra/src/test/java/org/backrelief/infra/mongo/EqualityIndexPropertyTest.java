package org.backrelief.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.backrelief.infra.EmbeddedMongo;
import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The embedded server with secondary indexes answers every query exactly as without them: the same random writes go
 * to an indexed and an unindexed collection (over TCP, through the ordinary driver), then every query must return
 * the same documents as the same query inside an {@code $or} (which no index answers) on the unindexed collection.
 * Covers both backends, documents without the field, arrays, numbers, key changes and {@code _id} in larger filters.
 */
class EqualityIndexPropertyTest {

    private static final List<Object> USER_VALUES = List.of("u0", "u1", "u2", "u3", 7, true,
            List.of("u1", "u2"), new Document("x", "u1"));
    private static final List<String> QUERIED = List.of("u0", "u1", "u2", "u3", "nobody");

    private static Path h2Dir;
    private static EmbeddedMongo memoryServer;
    private static EmbeddedMongo h2Server;
    private static MongoClient memoryClient;
    private static MongoClient h2Client;
    private static final AtomicInteger RUN = new AtomicInteger();

    @BeforeContainer
    static void startServers() throws IOException {
        h2Dir = Files.createTempDirectory("equality-index");
        memoryServer = EmbeddedMongo.inMemory().start();
        h2Server = EmbeddedMongo.persistent("127.0.0.1", 0, h2Dir).start();
        memoryClient = MongoClients.create(memoryServer.connectionString());
        h2Client = MongoClients.create(h2Server.connectionString());
    }

    @AfterContainer
    static void stopServers() {
        memoryClient.close();
        h2Client.close();
        memoryServer.close();
        h2Server.close();
    }

    /** One write: insert, move a user's documents to another user, delete a user's documents, or replace one. */
    record Write(int kind, int id, int value, int other, int day) {
    }

    @Provide
    Arbitrary<List<Write>> writes() {
        Arbitrary<Write> write = Combinators.combine(Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 40), Arbitraries.integers().between(0, USER_VALUES.size()),
                Arbitraries.integers().between(0, QUERIED.size() - 1), Arbitraries.integers().between(0, 5))
                .as(Write::new);
        return write.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 150)
    void indexedAndUnindexedCollectionsAnswerAlike(@ForAll("writes") List<Write> writes, @ForAll boolean onDisk) {
        MongoClient client = onDisk ? h2Client : memoryClient;
        int run = RUN.incrementAndGet();
        var database = client.getDatabase("equality_index");
        MongoCollection<Document> plain = database.getCollection("plain_" + run);
        MongoCollection<Document> indexed = database.getCollection("indexed_" + run);
        indexed.createIndex(Indexes.ascending("userId", "day"));
        indexed.createIndex(Indexes.ascending("profile.userId"));
        for (Write write : writes) {
            apply(plain, write);
            apply(indexed, write);
        }
        for (Bson query : queries()) {
            // no index answers an $or: the plain collection is scanned by the server's own matcher
            assertThat(ids(indexed, query)).as("query %s", query).isEqualTo(ids(plain, Filters.or(query)));
        }
        plain.drop();
        indexed.drop();
    }

    private static void apply(MongoCollection<Document> collection, Write write) {
        String user = QUERIED.get(write.other());
        switch (write.kind()) {
            case 0, 1, 2, 3, 4 -> {
                if (collection.countDocuments(Filters.eq("_id", id(write.id()))) == 0) {
                    collection.insertOne(document(write));
                }
            }
            case 5, 6 -> collection.updateMany(Filters.eq("userId", user),
                    Updates.set("userId", QUERIED.get((write.other() + 1) % QUERIED.size())));
            case 7 -> collection.deleteMany(Filters.eq("userId", user));
            case 8 -> collection.replaceOne(Filters.and(Filters.eq("_id", id(write.id())), Filters.exists("day")), document(write));
            default -> collection.updateOne(Filters.and(Filters.eq("_id", id(write.id())), Filters.exists("day")),
                    Updates.unset("userId"));
        }
    }

    private static Document document(Write write) {
        Document document = new Document("_id", id(write.id())).append("day", write.day());
        if (write.value() < USER_VALUES.size()) {
            document.append("userId", USER_VALUES.get(write.value()));
            document.append("profile", new Document("userId", USER_VALUES.get(write.value())));
        }
        return document;
    }

    /** Even ids are numbers, odd ones strings: both kinds of _id in one collection. */
    private static Object id(int id) {
        return id % 2 == 0 ? id : String.valueOf(id);
    }

    private static List<Bson> queries() {
        List<Bson> queries = new ArrayList<>();
        for (String user : QUERIED) {
            queries.add(Filters.eq("userId", user));
            queries.add(Filters.eq("profile.userId", user));
            queries.add(Filters.and(Filters.eq("userId", user), Filters.gte("day", 2)));
            queries.add(new Document("userId", user).append("day", 3));
            queries.add(Filters.in("userId", user, "u1"));
        }
        for (int id = 0; id <= 40; id += 3) {
            queries.add(Filters.and(Filters.eq("_id", id), Filters.eq("day", id % 6)));
            queries.add(new Document("_id", String.valueOf(id)).append("userId", "u1"));
        }
        queries.add(Filters.and(Filters.in("_id", "3", "4"), Filters.exists("userId")));
        queries.add(Filters.eq("userId", 7));
        queries.add(Filters.exists("userId", false));
        return queries;
    }

    private static List<Object> ids(MongoCollection<Document> collection, Bson query) {
        List<Object> ids = new ArrayList<>();
        collection.find(query).sort(Sorts.ascending("_id")).forEach(document -> ids.add(document.get("_id")));
        return ids;
    }
}
