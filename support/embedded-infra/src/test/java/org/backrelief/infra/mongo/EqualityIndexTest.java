package org.backrelief.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.backrelief.infra.EmbeddedMongo;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;

class EqualityIndexTest {

    private final EqualityIndex<Integer> index = new EqualityIndex<>("userId_1_day_1",
            List.of(new IndexKey("userId", true), new IndexKey("day", true)), false);

    @Test
    void answersEqualityOnTheFirstFieldWithOnlyThatValuesDocuments() {
        index.add(doc(1, "alice"), 10, null);
        index.add(doc(2, "bob"), 20, null);
        index.add(doc(3, "alice"), 30, null);

        assertThat(index.canHandle(new Document("userId", "alice"))).isTrue();
        assertThat(positions(new Document("userId", "alice"))).containsExactly(10, 30);
        assertThat(positions(new Document("userId", new Document("$in", List.of("bob", "carol"))))).containsExactly(20);
        assertThat(positions(new Document("$and", List.of(new Document("day", 3), new Document("userId", "bob")))))
                .containsExactly(20);
    }

    @Test
    void leavesToTheScanWhatEqualityCannotAnswerExactly() {
        index.add(doc(1, "alice"), 10, null);
        assertThat(index.canHandle(new Document("userId", 1))).as("numbers: 1 equals 1.0").isFalse();
        assertThat(index.canHandle(new Document("userId", new Document("$gt", "a")))).isFalse();
        assertThat(index.canHandle(new Document("day", 3))).as("not the first field").isFalse();
        assertThat(index.canHandle(new Document("userId", null))).isFalse();

        index.add(new Document("_id", 2).append("userId", List.of("alice", "bob")), 20, null);
        assertThat(index.canHandle(new Document("userId", "alice"))).as("an array makes it multikey").isFalse();
        index.remove(new Document("_id", 2).append("userId", List.of("alice", "bob")));
        assertThat(index.canHandle(new Document("userId", "alice"))).isTrue();
    }

    @Test
    void followsUpdatesAndRemovals() {
        index.add(doc(1, "alice"), 10, null);
        index.updateInPlace(doc(1, "alice"), doc(1, "bob"), 10, null);
        assertThat(positions(new Document("userId", "alice"))).isEmpty();
        assertThat(positions(new Document("userId", "bob"))).containsExactly(10);
        assertThat(index.getPosition(doc(1, "bob"))).isEqualTo(10);

        assertThat(index.remove(doc(1, "bob"))).isEqualTo(10);
        assertThat(index.getCount()).isZero();
        assertThat(positions(new Document("userId", "bob"))).isEmpty();
    }

    @Test
    void anOnDiskServerReopensWithItsStoredEntriesAndFollowsLaterWrites(@TempDir Path dir) {
        EmbeddedMongo server = EmbeddedMongo.persistent("127.0.0.1", 0, dir).start();
        try {
            writeSessions(server);
            server.stop();
            // take one entry out of the stored index: a reopen that rebuilt the index would find the document again
            try (MVStore store = MVStore.open(dir.resolve("mongo.mv").toString())) {
                MVMap<String, Object> entries = store.openMap("reopen.sessions._index_userId_1");
                assertThat(entries.remove(IndexEntries.Persisted.encodeKey("u1") + IndexEntries.Persisted.encodeId(1)))
                        .isEqualTo(1);
            }
            server.start();
            try (MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<org.bson.Document> sessions = client.getDatabase("reopen").getCollection("sessions");
                // find uses the collection's indexes, and so does an aggregation that opens with $match
                // (countDocuments); a filter the index cannot answer ($or) scans
                assertThat(sessions.find(Filters.eq("userId", "u1")).into(new ArrayList<>())).as("answered from the stored entries")
                        .hasSize(6);
                assertThat(sessions.countDocuments(Filters.eq("userId", "u1"))).as("aggregation from the stored entries")
                        .isEqualTo(6);
                assertThat(sessions.countDocuments(Filters.or(Filters.eq("userId", "u1")))).as("scanned").isEqualTo(7);
                sessions.insertOne(new org.bson.Document("_id", 100).append("userId", "u1"));
                sessions.deleteOne(Filters.eq("_id", 4));
                assertThat(sessions.find(Filters.eq("userId", "u1")).into(new ArrayList<>())).hasSize(6);
            }
        } finally {
            server.close();
        }
    }

    @Test
    void aStoreWithoutStoredEntriesHasItsIndexRebuiltOnce(@TempDir Path dir) {
        EmbeddedMongo server = EmbeddedMongo.persistent("127.0.0.1", 0, dir).start();
        try {
            writeSessions(server);
            server.stop();
            // as a store written before the entries were kept
            try (MVStore store = MVStore.open(dir.resolve("mongo.mv").toString())) {
                store.removeMap("reopen.sessions._index_userId_1");
                store.removeMap("reopen.sessions._index__id_equality");
            }
            server.start();
            try (MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<org.bson.Document> sessions = client.getDatabase("reopen").getCollection("sessions");
                assertThat(sessions.countDocuments(Filters.eq("userId", "u1"))).isEqualTo(7);
                sessions.updateOne(Filters.and(Filters.eq("_id", 1), Filters.eq("userId", "u1")), Updates.set("userId", "u2"));
            }
            server.stop();
            try (MVStore store = MVStore.open(dir.resolve("mongo.mv").toString())) {
                assertThat(store.<String, Object>openMap("reopen.sessions._index_userId_1").sizeAsLong()).isEqualTo(20);
            }
            server.start();
            try (MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<org.bson.Document> sessions = client.getDatabase("reopen").getCollection("sessions");
                assertThat(sessions.countDocuments(Filters.eq("userId", "u1"))).isEqualTo(6);
                assertThat(sessions.countDocuments(Filters.eq("userId", "u2"))).isEqualTo(7);
            }
        } finally {
            server.close();
        }
    }

    @Test
    void droppingAnIndexOrCollectionRemovesItsStoredEntries(@TempDir Path dir) {
        EmbeddedMongo server = EmbeddedMongo.persistent("127.0.0.1", 0, dir).start();
        try {
            writeSessions(server);
            try (MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<org.bson.Document> sessions = client.getDatabase("reopen").getCollection("sessions");
                sessions.dropIndex("userId_1");
                sessions.drop();
                sessions.insertOne(new org.bson.Document("_id", 1).append("userId", "u1"));
            }
            server.stop();
            try (MVStore store = MVStore.open(dir.resolve("mongo.mv").toString())) {
                assertThat(store.hasMap("reopen.sessions._index_userId_1")).isFalse();
                assertThat(store.<String, Object>openMap("reopen.sessions._index__id_equality").sizeAsLong()).isEqualTo(1);
            }
        } finally {
            server.close();
        }
    }

    /** 20 sessions with ids 0..19 of users u0, u1, u2 (7 of u1), indexed by user. */
    private static void writeSessions(EmbeddedMongo server) {
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<org.bson.Document> sessions = client.getDatabase("reopen").getCollection("sessions");
            sessions.createIndex(Indexes.ascending("userId"));
            for (int i = 0; i < 20; i++) {
                sessions.insertOne(new org.bson.Document("_id", i).append("userId", "u" + i % 3));
            }
        }
    }

    private List<Integer> positions(Document query) {
        assertThat(index.canHandle(query)).as("can handle %s", query).isTrue();
        List<Integer> positions = new ArrayList<>();
        index.getPositions(query).forEach(positions::add);
        return positions;
    }

    private static Document doc(int id, String user) {
        return new Document("_id", id).append("userId", user).append("day", 1);
    }
}
