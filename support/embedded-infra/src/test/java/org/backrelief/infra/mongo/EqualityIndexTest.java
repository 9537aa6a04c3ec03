package org.backrelief.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.backrelief.infra.EmbeddedMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;

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
    void isRebuiltFromTheDocumentsWhenAnOnDiskServerReopens(@TempDir Path dir) {
        EmbeddedMongo server = EmbeddedMongo.persistent("127.0.0.1", 0, dir).start();
        try {
            try (MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<org.bson.Document> sessions = client.getDatabase("reopen").getCollection("sessions");
                sessions.createIndex(Indexes.ascending("userId"));
                for (int i = 0; i < 20; i++) {
                    sessions.insertOne(new org.bson.Document("_id", i).append("userId", "u" + i % 3));
                }
            }
            server.stop();
            server.start();
            try (MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<org.bson.Document> sessions = client.getDatabase("reopen").getCollection("sessions");
                assertThat(sessions.countDocuments(Filters.eq("userId", "u1"))).isEqualTo(7);
                sessions.insertOne(new org.bson.Document("_id", 100).append("userId", "u1"));
                sessions.deleteOne(Filters.eq("_id", 1));
                assertThat(sessions.countDocuments(Filters.eq("userId", "u1"))).isEqualTo(7);
            }
        } finally {
            server.close();
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
