package org.backrelief.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.backrelief.infra.EmbeddedMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;

/**
 * The persistent embedded server acknowledges a write only once it is on disk: every kind of write the services use
 * (insert, insertMany, update, findAndModify, bulk write, delete, index creation), acknowledged by a server in a child
 * JVM, is there after that JVM is killed with SIGKILL and the store is reopened. H2's default background commit (about
 * once a second, no fsync) lost the writes of the last second before the kill.
 */
class AcknowledgedWritesSurviveKillTest {

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedWriteIsThereAfterKillDashNine() throws Exception {
        Process host = CrashHost.start(dataDir);
        int written;
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + CrashHost.awaitPort(host))) {
            MongoCollection<Document> items = client.getDatabase("crash").getCollection("items");
            items.createIndex(Indexes.ascending("owner"));
            items.insertMany(List.of(new Document("_id", "m1").append("owner", "a"), new Document("_id", "m2").append("owner", "a")));
            items.insertOne(new Document("_id", "gone").append("owner", "b"));
            // concurrent writers, as the services are: the group commit must cover each of them
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Integer>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        items.insertOne(new Document("_id", "w" + writer + "-" + i).append("owner", "w" + writer).append("n", 0));
                        items.updateOne(Filters.eq("_id", "w" + writer + "-" + i), Updates.inc("n", 1));
                    }
                    return 50;
                }));
            }
            written = 0;
            for (Future<Integer> writer : writers) {
                written += writer.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();
            items.findOneAndUpdate(Filters.eq("_id", "m1"), Updates.set("state", "DONE"),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            items.bulkWrite(List.of(new InsertOneModel<>(new Document("_id", "b1").append("owner", "bulk")),
                    new UpdateOneModel<>(Filters.eq("_id", "m2"), Updates.set("state", "BULK")),
                    new DeleteOneModel<>(Filters.eq("_id", "w0-0"))));
            items.deleteOne(Filters.eq("_id", "gone"));
            client.getDatabase("crash").getCollection("late").createIndex(Indexes.ascending("lastField"));
            // the last acknowledged write, then at once SIGKILL (no shutdown hook, no close)
            items.insertOne(new Document("_id", "last").append("owner", "z"));
            host.destroyForcibly();
            assertThat(host.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            host.destroyForcibly();
        }

        try (EmbeddedMongo reopened = EmbeddedMongo.persistent("127.0.0.1", 0, dataDir).start();
                MongoClient client = MongoClients.create(reopened.connectionString())) {
            MongoCollection<Document> items = client.getDatabase("crash").getCollection("items");
            assertThat(items.find(Filters.eq("_id", "last")).first()).as("the last acknowledged insert").isNotNull();
            assertThat(items.find(Filters.eq("_id", "gone")).first()).as("an acknowledged delete").isNull();
            assertThat(items.find(Filters.eq("_id", "w0-0")).first()).as("a delete inside a bulk write").isNull();
            assertThat(items.find(Filters.eq("_id", "b1")).first()).as("an insert inside a bulk write").isNotNull();
            assertThat(items.find(Filters.eq("_id", "m1")).first().getString("state")).isEqualTo("DONE");
            assertThat(items.find(Filters.eq("_id", "m2")).first().getString("state")).isEqualTo("BULK");
            assertThat(items.countDocuments(Filters.regex("_id", "^w"))).isEqualTo(written - 1);
            assertThat(items.countDocuments(Filters.and(Filters.regex("_id", "^w"), Filters.eq("n", 1)))).isEqualTo(written - 1);
            assertThat(items.countDocuments(Filters.eq("owner", "a"))).as("answered through the index").isEqualTo(2);
            List<String> lateIndexes = new ArrayList<>();
            client.getDatabase("crash").getCollection("late").listIndexes().forEach(index -> lateIndexes.add(index.getString("name")));
            assertThat(lateIndexes).contains("lastField_1");
        }
    }
}
