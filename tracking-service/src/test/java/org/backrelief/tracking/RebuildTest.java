package org.backrelief.tracking;

import static org.backrelief.tracking.support.Activity.checkIn;
import static org.backrelief.tracking.support.Activity.checkInEvent;
import static org.backrelief.tracking.support.Activity.done;
import static org.backrelief.tracking.support.Activity.newId;
import static org.backrelief.tracking.support.Activity.session;
import static org.backrelief.tracking.support.Activity.skipped;
import static org.backrelief.tracking.support.Api.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.backrelief.common.domain.Phase;
import org.backrelief.testing.TestInfrastructure;
import org.backrelief.tracking.facts.FactIdentity;
import org.backrelief.tracking.support.ActivityTopic;
import org.backrelief.tracking.support.Api;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import io.quarkus.test.junit.QuarkusTest;

/** Replaying the topic into fresh collections gives exactly the statistics the live consumer built. */
@QuarkusTest
@Order(5)
class RebuildTest {

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Test
    void aRebuildReproducesTheLiveHistoryAndStatistics() {
        String user = "rebuild-" + newId();
        ActivityTopic.publish(user,
                // out of order, duplicated, a competing second event for s2, poison in between, a check-in first
                checkInEvent(newId(), checkIn(user, "c-1", 3, "2024-07-04T20:00:00Z", "America/New_York")),
                session(user, "s3", "2024-07-05T12:00:00Z", "America/New_York").plan("p", 1, 3).perWeek(3)
                        .exercise(done("plank", Phase.STRENGTHENING, 3, null, 50, 150)).json("evt-s3-" + user),
                session(user, "s1", "2024-07-01T12:00:00Z", "America/New_York").plan("p", 1, 3).perWeek(3)
                        .exercise(done("plank", Phase.STRENGTHENING, 3, null, 40, 150)).json(newId()),
                session(user, "s2", "2024-07-03T12:05:00Z", "America/New_York").plan("p", 1, 3).perWeek(3).minutes(40)
                        .json(newId()),
                "not even JSON",
                session(user, "s2", "2024-07-03T12:00:00Z", "America/New_York").plan("p", 1, 3).perWeek(3).minutes(35)
                        .exercise(skipped("bird-dog", Phase.STRENGTHENING, "wrist")).json(newId()),
                session(user, "s3", "2024-07-05T12:00:00Z", "America/New_York").plan("p", 1, 3).perWeek(3)
                        .exercise(done("plank", Phase.STRENGTHENING, 3, null, 50, 150)).json("evt-s3-" + user),
                session(user, "sentinel", "2024-07-06T12:00:00Z", "America/New_York").json(newId()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Api.historyTotal(user) == 4);

        String stats = Api.body("/api/v1/users/{userId}/stats", user);
        String history = Api.body("/api/v1/users/{userId}/history?size=100", user);
        String trend = Api.body("/api/v1/users/{userId}/pain-trend?from=2024-07-01&to=2024-07-07", user);

        // damage the live read model, so that only a real rebuild from the topic can restore it
        try (MongoClient client = MongoClients.create(TestInfrastructure.get().mongoUri())) {
            MongoDatabase db = client.getDatabase(database);
            long live = db.getCollection("meta").find(new Document("_id", "generations")).first() == null ? 1
                    : db.getCollection("meta").find(new Document("_id", "generations")).first().getLong("current");
            db.getCollection("sessions_g" + live).deleteOne(new Document("_id", FactIdentity.key(user, "s1")));
        }
        assertNotEquals(stats, Api.body("/api/v1/users/{userId}/stats", user));

        long generation = asAdmin().post("/api/v1/admin/rebuild").then().statusCode(202)
                .body("state", equalTo("RUNNING")).extract().jsonPath().getLong("generation");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                "COMPLETED".equals(asAdmin().get("/api/v1/admin/rebuild").then().statusCode(200).extract().path("state")));
        asAdmin().get("/api/v1/admin/rebuild").then().body("generation", equalTo((int) generation));

        assertEquals(stats, Api.body("/api/v1/users/{userId}/stats", user));
        assertEquals(history, Api.body("/api/v1/users/{userId}/history?size=100", user));
        assertEquals(trend, Api.body("/api/v1/users/{userId}/pain-trend?from=2024-07-01&to=2024-07-07", user));

        // live ingestion goes on into the new generation
        ActivityTopic.publish(user, session(user, "after", "2024-07-07T12:00:00Z", "America/New_York").json(newId()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Api.historyTotal(user) == 5);
    }

    @Test
    void aRebuildStartedTwiceWithTheSameKeyRunsOnceAndTheRetryGetsTheFirstAnswer() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                !"RUNNING".equals(asAdmin().get("/api/v1/admin/rebuild").then().extract().path("state")));
        asAdmin().header("Idempotency-Key", "").post("/api/v1/admin/rebuild").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("Idempotency-Key"));
        String key = java.util.UUID.randomUUID().toString();
        long generation = asAdmin().header("Idempotency-Key", key).post("/api/v1/admin/rebuild").then().statusCode(202)
                .extract().jsonPath().getLong("generation");
        asAdmin().header("Idempotency-Key", key).post("/api/v1/admin/rebuild").then().statusCode(202)
                .header("Idempotent-Replayed", "true").body("generation", equalTo((int) generation));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                "COMPLETED".equals(asAdmin().get("/api/v1/admin/rebuild").then().statusCode(200).extract().path("state")));
        // still after the rebuild: the same answer, and no second rebuild was started by the retry
        asAdmin().header("Idempotency-Key", key).post("/api/v1/admin/rebuild").then().statusCode(202)
                .body("generation", equalTo((int) generation));
        asAdmin().get("/api/v1/admin/rebuild").then().body("generation", equalTo((int) generation));
    }

    @Test
    void eventsPublishedWhileARebuildRunsAreNotLost() throws Exception {
        String user = "during-rebuild-" + newId();
        int count = 60;
        Thread publisher = new Thread(() -> {
            for (int i = 0; i < count; i++) {
                ActivityTopic.publish(user, session(user, "s-" + i, Instant.parse("2024-08-01T08:00:00Z")
                        .plusSeconds(3_600L * i).toString(), "UTC").json(newId()));
            }
        });
        publisher.start();
        asAdmin().post("/api/v1/admin/rebuild").then().statusCode(202);
        publisher.join();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                "COMPLETED".equals(asAdmin().get("/api/v1/admin/rebuild").then().statusCode(200).extract().path("state")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Api.historyTotal(user) == count);
    }
}
