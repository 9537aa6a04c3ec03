package org.backrelief.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.backrelief.infra.EmbeddedMongo;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;

/** What an aggregation that opens with $match answers is unchanged by starting it from the indexes. */
class IndexedAggregationTest {

    private static EmbeddedMongo server;
    private static MongoClient client;
    private static MongoDatabase db;

    @BeforeAll
    static void start() {
        server = EmbeddedMongo.inMemory().start();
        client = MongoClients.create(server.connectionString());
        db = client.getDatabase("aggregation");
        db.getCollection("sessions").createIndex(Indexes.ascending("userId"));
        for (int i = 0; i < 30; i++) {
            db.getCollection("sessions").insertOne(new Document("_id", "s" + i).append("userId", "u" + (i % 3))
                    .append("planId", "p" + (i % 3)).append("minutes", i));
        }
        for (int p = 0; p < 3; p++) {
            db.getCollection("plans").insertOne(new Document("_id", "p" + p).append("weeks", 4 + p));
        }
        db.getCollection("completions").insertOne(new Document("_id", "s4").append("painAfter", 2));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void aMatchOnTheIdThenLookupsJoinsTheOneDocument() {
        List<Document> found = db.getCollection("sessions").aggregate(List.of(
                Aggregates.match(Filters.and(Filters.eq("_id", "s4"), Filters.eq("userId", "u1"))),
                Aggregates.lookup("completions", "_id", "_id", "completion"),
                Aggregates.lookup("plans", "planId", "_id", "plan"))).into(new ArrayList<>());
        assertThat(found).hasSize(1);
        assertThat(found.get(0).getList("completion", Document.class)).extracting(d -> d.getInteger("painAfter"))
                .containsExactly(2);
        assertThat(found.get(0).getList("plan", Document.class)).extracting(d -> d.getInteger("weeks")).containsExactly(5);
        assertThat(db.getCollection("sessions").aggregate(List.of(
                Aggregates.match(Filters.and(Filters.eq("_id", "s4"), Filters.eq("userId", "u2"))))).first())
                .as("someone else's session").isNull();
    }

    @Test
    void countsAndLaterStagesAnswerAsAScanWould() {
        assertThat(db.getCollection("sessions").countDocuments(Filters.eq("userId", "u2"))).isEqualTo(10);
        assertThat(db.getCollection("sessions").countDocuments(Filters.and(Filters.eq("userId", "u2"),
                Filters.gte("minutes", 20)))).isEqualTo(4);
        List<Document> sorted = db.getCollection("sessions").aggregate(List.of(Aggregates.match(Filters.eq("userId", "u0")),
                Aggregates.sort(new Document("minutes", -1)), Aggregates.limit(2))).into(new ArrayList<>());
        assertThat(sorted).extracting(d -> d.getInteger("minutes")).containsExactly(27, 24);
        assertThat(db.getCollection("sessions").countDocuments(Filters.eq("userId", "nobody"))).isZero();
        assertThat(db.getCollection("missing").countDocuments(Filters.eq("userId", "u0"))).isZero();
    }
}
