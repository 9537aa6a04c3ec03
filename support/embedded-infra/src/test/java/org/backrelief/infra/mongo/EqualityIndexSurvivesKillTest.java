package org.backrelief.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.backrelief.infra.EmbeddedMongo;
import org.bson.Document;
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

/**
 * The on-disk equality indexes are committed with the documents: after a server in a child JVM is killed with SIGKILL
 * in the middle of concurrent inserts, key changes and deletes, the index maps in the file hold exactly one entry per
 * document, under its current key, and the reopened server answers indexed queries as a scan does. The reopen uses
 * those entries as they are (it no longer deserializes every document to rebuild them).
 */
class EqualityIndexSurvivesKillTest {

    private static final String INDEX_MAP = "crash.items._index_owner_1";
    private static final String ID_INDEX_MAP = "crash.items._index__id_equality";
    private static final String DATA_MAP = "databases.crash.items";

    @TempDir
    Path dataDir;

    @Test
    void indexEntriesMatchTheDocumentsAfterKillDashNine() throws Exception {
        Process host = CrashHost.start(dataDir);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + CrashHost.awaitPort(host))) {
            MongoCollection<Document> items = client.getDatabase("crash").getCollection("items");
            items.createIndex(Indexes.ascending("owner"));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        String id = "w" + writer + "-" + i;
                        items.insertOne(new Document("_id", id).append("owner", "o" + i % 5));
                        if (i % 3 == 0) {
                            items.updateOne(Filters.eq("_id", id), Updates.set("owner", "moved"));
                        }
                        if (i % 7 == 0) {
                            items.deleteOne(Filters.eq("_id", id));
                        }
                    }
                    return null;
                }));
            }
            // not awaited: the kill lands while some writes are in flight; only acknowledged ones must be there
            writers.get(0).get(2, TimeUnit.MINUTES);
            items.insertOne(new Document("_id", "array").append("owner", List.of("o1", "o2")));
            items.deleteOne(Filters.eq("_id", "array"));
            items.insertOne(new Document("_id", 42).append("owner", "number-id"));
            items.insertOne(new Document("_id", "no-owner"));
            items.insertOne(new Document("_id", "last").append("owner", "z"));
            host.destroyForcibly();
            assertThat(host.waitFor(30, TimeUnit.SECONDS)).isTrue();
            pool.shutdownNow();
        } finally {
            host.destroyForcibly();
        }

        Map<String, Long> owners = new HashMap<>();
        try (MVStore store = new MVStore.Builder().fileName(dataDir.resolve("mongo.mv").toString()).readOnly().open()) {
            MVMap<Object, de.bwaldvogel.mongo.bson.Document> documents = store.openMap(DATA_MAP);
            MVMap<String, Object> byOwner = store.openMap(INDEX_MAP);
            MVMap<String, Object> byId = store.openMap(ID_INDEX_MAP);
            assertThat(documents.get("last")).as("the last acknowledged insert").isNotNull();
            assertThat(byOwner.sizeAsLong()).as("one owner entry per document").isEqualTo(documents.sizeAsLong());
            assertThat(byId.sizeAsLong()).as("one _id entry per document").isEqualTo(documents.sizeAsLong());
            for (Map.Entry<Object, de.bwaldvogel.mongo.bson.Document> document : documents.entrySet()) {
                Object id = document.getKey();
                Object owner = document.getValue().get("owner");
                Object key = owner == null ? EqualityIndex.ABSENT : owner;
                assertThat(byOwner.get(IndexEntries.Persisted.encodeKey(key) + IndexEntries.Persisted.encodeId(id)))
                        .as("entry of %s under %s", id, owner).isEqualTo(id);
                Object idKey = EqualityIndex.isIndexable(id) ? id : EqualityIndex.OTHER;
                assertThat(byId.get(IndexEntries.Persisted.encodeKey(idKey) + IndexEntries.Persisted.encodeId(id)))
                        .as("_id entry of %s", id).isEqualTo(id);
                if (owner instanceof String name) {
                    owners.merge(name, 1L, Long::sum);
                }
            }
        }
        assertThat(owners).containsKeys("moved", "o1", "z", "number-id");

        try (EmbeddedMongo reopened = EmbeddedMongo.persistent("127.0.0.1", 0, dataDir).start();
                MongoClient client = MongoClients.create(reopened.connectionString())) {
            MongoCollection<Document> items = client.getDatabase("crash").getCollection("items");
            for (Map.Entry<String, Long> owner : owners.entrySet()) {
                assertThat(items.countDocuments(Filters.eq("owner", owner.getKey()))).as("owner %s", owner.getKey())
                        .isEqualTo(owner.getValue())
                        .isEqualTo(items.countDocuments(Filters.or(Filters.eq("owner", owner.getKey()))));
            }
            assertThat(items.find(Filters.and(Filters.eq("_id", 42), Filters.eq("owner", "number-id"))).first()).isNotNull();
            items.updateMany(Filters.eq("owner", "moved"), Updates.set("owner", "again"));
            assertThat(items.countDocuments(Filters.eq("owner", "again"))).isEqualTo(owners.get("moved"));
            assertThat(items.countDocuments(Filters.eq("owner", "moved"))).isZero();
        }
    }
}
