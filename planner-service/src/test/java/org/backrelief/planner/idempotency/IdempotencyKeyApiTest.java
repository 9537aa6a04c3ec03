package org.backrelief.planner.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backrelief.planner.testsupport.Api.as;
import static org.backrelief.planner.testsupport.Api.newUser;
import static org.backrelief.planner.testsupport.Api.profile;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Date;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.backrelief.common.idempotency.IdempotencyStore;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Idempotency-Key on the planner's POST routes, over the real Mongo-protocol server. */
@QuarkusTest
class IdempotencyKeyApiTest {

    private static final String PLANS = "/api/v1/me/plans";
    private static final String CHECKINS = "/api/v1/me/checkins";

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    private MongoDatabase db() {
        return mongo.getDatabase(database);
    }

    private String userWithProfile(String name) {
        String user = newUser(name);
        as(user).body(profile()).put("/api/v1/me/profile").then().statusCode(200);
        return user;
    }

    @Test
    void aPlanPostedTwiceWithTheSameKeyIsCreatedOnceAndTheRetryGetsTheOriginalAnswer() {
        String user = userWithProfile("plan-retry");
        String key = UUID.randomUUID().toString();
        Response first = as(user).header("Idempotency-Key", key).body(Map.of("weeks", 4)).post(PLANS);
        first.then().statusCode(201);
        Response retry = as(user).header("Idempotency-Key", key).body(Map.of("weeks", 4)).post(PLANS);
        retry.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location"));

        assertThat(retry.jsonPath().getMap("$")).isEqualTo(first.jsonPath().getMap("$"));
        assertThat(db().getCollection("plans").countDocuments(Filters.eq("userId", user))).isEqualTo(1);
        assertThat(db().getCollection("sessions").countDocuments(Filters.eq("userId", user)))
                .isEqualTo(first.jsonPath().getList("sessions").size());
    }

    @Test
    void theSameKeyWithAnotherBodyIs409AndCreatesNothing() {
        String user = userWithProfile("plan-mismatch");
        String key = UUID.randomUUID().toString();
        as(user).header("Idempotency-Key", key).body(Map.of("weeks", 4)).post(PLANS).then().statusCode(201);
        as(user).header("Idempotency-Key", key).body(Map.of("weeks", 5)).post(PLANS).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(
                        "https://backrelief.org/problems/idempotency-key-reused"));
        assertThat(db().getCollection("plans").countDocuments(Filters.eq("userId", user))).isEqualTo(1);
    }

    @Test
    void keysOfDifferentUsersNeverMeet() {
        String alice = userWithProfile("alice");
        String bob = userWithProfile("bob");
        String key = UUID.randomUUID().toString();
        String alicePlan = as(alice).header("Idempotency-Key", key).body(Map.of()).post(PLANS).then().statusCode(201)
                .extract().path("planId");
        String bobPlan = as(bob).header("Idempotency-Key", key).body(Map.of()).post(PLANS).then().statusCode(201)
                .header("Idempotent-Replayed", (String) null).extract().path("planId");
        assertThat(bobPlan).isNotEqualTo(alicePlan);
    }

    @Test
    void aCheckInPostedTwiceWithTheSameKeyIsRecordedOnceWithoutAKeyTwice() {
        String user = userWithProfile("checkin-retry");
        as(user).body(Map.of()).post(PLANS).then().statusCode(201);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("pain", 3, "note", "stiff");
        String first = as(user).header("Idempotency-Key", key).body(body).post(CHECKINS).then().statusCode(201)
                .extract().path("checkInId");
        as(user).header("Idempotency-Key", key).body(body).post(CHECKINS).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("checkInId", equalTo(first));
        as(user).header("Idempotency-Key", key).body(Map.of("pain", 4)).post(CHECKINS).then().statusCode(409)
                .contentType("application/problem+json");
        assertThat(db().getCollection("checkins").countDocuments(Filters.eq("userId", user))).isEqualTo(1);

        // the control: without a key, two identical posts are two check-ins
        as(user).body(body).post(CHECKINS).then().statusCode(201);
        as(user).body(body).post(CHECKINS).then().statusCode(201);
        assertThat(db().getCollection("checkins").countDocuments(Filters.eq("userId", user))).isEqualTo(3);
    }

    @Test
    void aRetryAfterACrashBetweenTheWriteAndTheStoredAnswerStillCreatesNothingNew() {
        String user = userWithProfile("crash-window");
        as(user).body(Map.of()).post(PLANS).then().statusCode(201);
        String planKey = UUID.randomUUID().toString();
        String checkInKey = UUID.randomUUID().toString();
        String planId = as(user).header("Idempotency-Key", planKey).body(Map.of()).post(PLANS).then().statusCode(201)
                .extract().path("planId");
        String checkInId = as(user).header("Idempotency-Key", checkInKey).body(Map.of("pain", 2)).post(CHECKINS)
                .then().statusCode(201).extract().path("checkInId");
        long sessions = db().getCollection("sessions").countDocuments(Filters.eq("userId", user));

        // what a process killed after its domain write leaves behind: the claims, without answers
        var keys = db().getCollection(IdempotencyStore.COLLECTION);
        keys.updateMany(Filters.eq("userId", user), Updates.combine(Updates.set("state", "IN_FLIGHT"),
                Updates.unset("status"), Updates.unset("body"), Updates.set("lockedUntil", new Date(
                        System.currentTimeMillis() + 60_000))));
        // while the claim still holds, a retry is told to wait
        as(user).header("Idempotency-Key", planKey).body(Map.of()).post(PLANS).then().statusCode(409)
                .header("Retry-After", notNullValue()).contentType("application/problem+json")
                .body("type", equalTo("https://backrelief.org/problems/idempotency-key-in-use"));
        // once it lapses, a retry takes over, and the deterministic ids find the first writes
        keys.updateMany(Filters.eq("userId", user), Updates.set("lockedUntil", new Date(0)));
        as(user).header("Idempotency-Key", planKey).body(Map.of()).post(PLANS).then().statusCode(201)
                .body("planId", equalTo(planId));
        as(user).header("Idempotency-Key", checkInKey).body(Map.of("pain", 2)).post(CHECKINS).then().statusCode(201)
                .body("checkInId", equalTo(checkInId));

        assertThat(db().getCollection("plans").countDocuments(Filters.eq("userId", user))).isEqualTo(2);
        assertThat(db().getCollection("sessions").countDocuments(Filters.eq("userId", user))).isEqualTo(sessions);
        assertThat(db().getCollection("checkins").countDocuments(Filters.eq("userId", user))).isEqualTo(1);
        as(user).get(PLANS + "/current").then().statusCode(200).body("planId", equalTo(planId));
    }

    @Test
    void aFailedRequestReleasesItsKeySoTheRetryRunsAgain() {
        String user = newUser("no-profile-yet");
        String key = UUID.randomUUID().toString();
        as(user).header("Idempotency-Key", key).body(Map.of()).post(PLANS).then().statusCode(409);
        as(user).body(profile()).put("/api/v1/me/profile").then().statusCode(200);
        as(user).header("Idempotency-Key", key).body(Map.of()).post(PLANS).then().statusCode(201);
    }

    @Test
    void anEmptyOrTooLongKeyIs400NamingTheHeaderOnEveryPost() {
        String user = userWithProfile("bad-key");
        for (String bad : new String[] { "", "k".repeat(256) }) {
            as(user).header("Idempotency-Key", bad).body(Map.of()).post(PLANS).then().statusCode(400)
                    .contentType("application/problem+json").body("violations.field", hasItem("Idempotency-Key"));
            as(user).header("Idempotency-Key", bad).body(Map.of("pain", 2)).post(CHECKINS).then().statusCode(400)
                    .body("violations.field", hasItem("Idempotency-Key"));
            as(user).header("Idempotency-Key", bad).body(Map.of("level", "BEGINNER", "minutesPerSession", 30, "currentPain", 2, "redFlags", Map.of()))
                    .post("/api/v1/routines/preview")
                    .then().statusCode(400).body("violations.field", hasItem("Idempotency-Key"));
        }
        assertThat(db().getCollection("plans").countDocuments(Filters.eq("userId", user))).isZero();
    }
}
