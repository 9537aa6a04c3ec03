package org.backrelief.gateway;

import static org.backrelief.gateway.support.Api.PROBLEM_JSON;
import static org.backrelief.gateway.support.Api.anonymous;
import static org.backrelief.gateway.support.Api.asUser;
import static org.backrelief.gateway.support.Api.newUser;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.awaitility.Awaitility;
import org.backrelief.gateway.support.Bodies;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The main journey of a person, only through the gateway, over the real services, Kafka and Mongo-protocol server:
 * try a routine, sign in, set up a profile and a program, do the next session, and see it in history, statistics
 * and the dashboard.
 */
@QuarkusTest
class UserJourneyTest {

    /** Completions reach the tracker through Kafka: visible within seconds, not at once. */
    private static final Duration EVENTUALLY = Duration.ofSeconds(20);

    @Test
    void tryARoutineWithoutAnAccount() {
        anonymous().contentType(ContentType.JSON).body(Bodies.preview()).post("/api/v1/routines/preview")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("status", equalTo("READY"))
                .body("routine.phases", hasSize(5))
                .body("routine.phases[0].phase", equalTo("WARM_UP"))
                .body("routine.phases[4].phase", equalTo("COOL_DOWN"));
    }

    @Test
    void anInvalidProfileIsAnsweredWithTheFieldsNamed() {
        anonymous().contentType(ContentType.JSON).body("{\"level\":\"BEGINNER\",\"minutesPerSession\":500,\"currentPain\":3}")
                .post("/api/v1/routines/preview")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", org.hamcrest.Matchers.hasItem(containsString("minutesPerSession")));
    }

    @Test
    void fromSignUpToDashboard() {
        String user = newUser("alice");

        // a new user has no profile and no program yet
        asUser(user).get("/api/v1/me/profile").then().statusCode(404).contentType(PROBLEM_JSON);
        asUser(user).get("/api/v1/me/plans/current").then().statusCode(404).contentType(PROBLEM_JSON);

        asUser(user).contentType(ContentType.JSON).body(Bodies.profile()).put("/api/v1/me/profile")
                .then().statusCode(200).body("level", equalTo("BEGINNER"));
        asUser(user).get("/api/v1/me/profile").then().statusCode(200)
                .body("minutesPerSession", equalTo(30))
                .body("sessionsPerWeek", equalTo(3));

        String planId = asUser(user).contentType(ContentType.JSON).body(Bodies.newPlan()).post("/api/v1/me/plans")
                .then().statusCode(201).body("planId", notNullValue())
                .extract().path("planId");
        asUser(user).get("/api/v1/me/plans/current").then().statusCode(200).body("planId", equalTo(planId));

        JsonNode session = Bodies.json(asUser(user).get("/api/v1/me/sessions/next")
                .then().statusCode(200)
                .body("planId", equalTo(planId))
                .body("today.status", equalTo("READY"))
                .body("today.routine.phases", hasSize(5))
                .extract().asString());
        String sessionId = session.path("sessionId").asText();
        asUser(user).get("/api/v1/me/sessions/" + sessionId).then().statusCode(200).body("sessionId", equalTo(sessionId));
        List<String> exercises = Bodies.exerciseIds(session);
        assertThat("the routine has exercises", exercises.isEmpty(), is(false));

        asUser(user).contentType(ContentType.JSON).body(Bodies.completion(session))
                .post("/api/v1/me/sessions/" + sessionId + "/completion")
                .then().statusCode(200);
        // a client retrying the same completion is told it is done; different results are the planner's conflict,
        // which reaches the client as it is
        asUser(user).contentType(ContentType.JSON).body(Bodies.completion(session))
                .post("/api/v1/me/sessions/" + sessionId + "/completion")
                .then().statusCode(200);
        asUser(user).contentType(ContentType.JSON).body(Bodies.completion(session, 7))
                .post("/api/v1/me/sessions/" + sessionId + "/completion")
                .then().statusCode(409).contentType(PROBLEM_JSON);
        asUser(user).contentType(ContentType.JSON).body(Bodies.checkIn(2, sessionId)).post("/api/v1/me/checkins")
                .then().statusCode(201);

        // via Kafka, the completion shows up in history, the CSV export, statistics and the pain trend
        Awaitility.await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                asUser(user).get("/api/v1/me/history").then().statusCode(200).body(containsString(sessionId)));
        asUser(user).accept("text/csv").get("/api/v1/me/history.csv")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .body(containsString(sessionId));
        asUser(user).get("/api/v1/me/exercises/" + exercises.get(0) + "/stats").then().statusCode(200);
        Awaitility.await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                asUser(user).get("/api/v1/me/stats").then().statusCode(200)
                        .body("totals.sessions", equalTo(1))
                        .body("streaks.currentDays", equalTo(1)));
        // the check-in (pain 2) joins the session's readings (3 before, 2 after) in today's pain
        Awaitility.await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                asUser(user).get("/api/v1/me/pain-trend").then().statusCode(200)
                        .body("days[-1].readings", equalTo(3))
                        .body("days[-1].checkIn", equalTo(2.0f)));

        // the dashboard brings it together: the next session is a new one, the streak has begun, 28 days of pain
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        asUser(user).get("/api/v1/me/dashboard").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("nextSession.available", equalTo(true))
                .body("nextSession.data.sessionId", not(equalTo(sessionId)))
                .body("streak.available", equalTo(true))
                .body("streak.data.currentDays", equalTo(1))
                .body("weeklyAdherence.available", equalTo(true))
                .body("weeklyAdherence.data.completed", equalTo(1))
                .body("painTrend.available", equalTo(true))
                .body("painTrend.data.days", hasSize(28))
                .body("painTrend.data.to", equalTo(today.toString()))
                .body("painTrend.data.from", equalTo(today.minusDays(27).toString()));
    }

    @Test
    void aDashboardBeforeAnyProgramIsEmptyNotBroken() {
        asUser(newUser("newcomer")).get("/api/v1/me/dashboard").then().statusCode(200)
                .body("nextSession.available", equalTo(true))
                .body("nextSession.data", org.hamcrest.Matchers.nullValue())
                .body("streak.available", equalTo(true))
                .body("painTrend.available", equalTo(true));
    }
}
