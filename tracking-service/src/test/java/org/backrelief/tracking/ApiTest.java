package org.backrelief.tracking;

import static org.backrelief.tracking.support.Activity.checkIn;
import static org.backrelief.tracking.support.Activity.checkInEvent;
import static org.backrelief.tracking.support.Activity.done;
import static org.backrelief.tracking.support.Activity.newId;
import static org.backrelief.tracking.support.Activity.session;
import static org.backrelief.tracking.support.Activity.skipped;
import static org.backrelief.tracking.support.Api.as;
import static org.backrelief.tracking.support.Api.asAdmin;
import static org.backrelief.tracking.support.Api.asUser;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.backrelief.common.domain.Phase;
import org.backrelief.common.domain.Roles;
import org.backrelief.common.problem.Problem;
import org.backrelief.tracking.support.ActivityTopic;
import org.backrelief.tracking.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The HTTP API end to end: who may read what, how bad input is answered, and what the endpoints return. */
@QuarkusTest
@Order(2)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTest {

    private final String alice = "alice-" + newId();
    private final String bob = "bob-" + newId();
    private boolean published;

    /** Once per class; not in @BeforeAll, where the test HTTP port is not set up yet. */
    @BeforeEach
    void aliceHasAHistory() {
        if (published) {
            return;
        }
        published = true;
        ActivityTopic.publish(alice,
                session(alice, "s1", "2024-03-30T09:00:00Z", "Europe/Berlin").minutes(20).pain(6, 4)
                        .exercise(done("plank", Phase.STRENGTHENING, 3, null, 30, 120)).json(newId()),
                session(alice, "s2", "2024-03-31T22:30:00Z", "Europe/Berlin").minutes(30).pain(5, 3)
                        .notes("Felt \"much\" better, finally")
                        .exercise(done("plank", Phase.STRENGTHENING, 3, null, 45, 150))
                        .exercise(skipped("bird-dog", Phase.STRENGTHENING, "wrist")).json(newId()),
                session(alice, "s3", "2024-04-02T07:00:00Z", "Europe/Berlin").minutes(25).pain(4, 2).json(newId()),
                checkInEvent(newId(), checkIn(alice, "c1", 3, "2024-04-01T08:00:00Z", "Europe/Berlin")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Api.historyTotal(alice) == 3);
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        RestAssured.get("/api/v1/users/{userId}/history", alice).then().statusCode(401)
                .contentType(Problem.MEDIA_TYPE);
    }

    /** Verified tokens are remembered (CachingJwtParser): a token differing only in its signature must still fail. */
    @Test
    void aTamperedSignatureIs401EvenRightAfterTheGenuineToken() {
        String genuine = org.backrelief.testing.TestInfrastructure.get().token(alice, Roles.USER);
        RestAssured.given().auth().oauth2(genuine).get("/api/v1/users/{userId}/history", alice).then().statusCode(200);
        RestAssured.given().auth().oauth2(genuine).get("/api/v1/users/{userId}/history", alice).then().statusCode(200);
        char last = genuine.charAt(genuine.length() - 2);
        String tampered = genuine.substring(0, genuine.length() - 2) + (last == 'A' ? 'B' : 'A')
                + genuine.charAt(genuine.length() - 1);
        RestAssured.given().auth().oauth2(tampered).get("/api/v1/users/{userId}/history", alice).then().statusCode(401)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void someoneElsesDataIsNotFound() {
        for (String path : new String[] { "history", "history.csv", "stats", "pain-trend", "exercises/plank/stats" }) {
            asUser(bob).get("/api/v1/users/{userId}/" + path, alice).then()
                    .statusCode(404).contentType(Problem.MEDIA_TYPE).body("status", equalTo(404));
        }
    }

    @Test
    void anAdminMayReadAnyone() {
        asAdmin().get("/api/v1/users/{userId}/history", alice).then().statusCode(200).body("total", equalTo(3));
        asAdmin().get("/api/v1/users/{userId}/stats", alice).then().statusCode(200).body("totals.sessions", equalTo(3));
    }

    @Test
    void onlyAnAdminMayRebuild() {
        asUser(alice).post("/api/v1/admin/rebuild").then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        as(alice, Roles.EDITOR).post("/api/v1/admin/rebuild").then().statusCode(403);
    }

    @Test
    void badInputIsA400NamingTheParameter() {
        String history = "/api/v1/users/{userId}/history";
        asUser(alice).get(history + "?from=2024-13-01", alice).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("violations.field", hasItem("from"));
        asUser(alice).get(history + "?from=2024-04-02&to=2024-04-01", alice).then().statusCode(400)
                .body("violations.field", hasItem("from"));
        asUser(alice).get(history + "?page=-1", alice).then().statusCode(400).body("violations.field", hasItem("page"));
        asUser(alice).get(history + "?size=101", alice).then().statusCode(400).body("violations.field", hasItem("size"));
        asUser(alice).get(history + "?size=ten", alice).then().statusCode(400).body("violations.field", hasItem("size"));
        asUser(alice).get("/api/v1/users/{userId}/pain-trend?from=2020-01-01&to=2024-01-01", alice).then()
                .statusCode(400).body("violations.field", hasItem("to"));
        asUser(alice).get("/api/v1/users/{userId}/pain-trend?to=yesterday", alice).then().statusCode(400);
        asUser(alice).get("/api/v1/users/{userId}/exercises/{exerciseId}/stats", alice, "no$such id").then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE);
        String longId = "x".repeat(129);
        asUser(longId).get(history, longId).then().statusCode(400);
    }

    @Test
    void historyIsNewestFirstPagedAndFilteredByLocalDay() {
        String history = "/api/v1/users/{userId}/history";
        asUser(alice).get(history + "?size=2", alice).then().statusCode(200)
                .body("total", equalTo(3)).body("size", equalTo(2)).body("page", equalTo(0))
                .body("items.sessionId", contains("s3", "s2"))
                .body("items[1].date", equalTo("2024-04-01"))
                .body("items[1].exercises.exerciseId", contains("plank", "bird-dog"))
                .body("items[1].exercises[1].skipReason", equalTo("wrist"));
        asUser(alice).get(history + "?size=2&page=1", alice).then().body("items.sessionId", contains("s1"));
        // s2 was completed at 22:30 UTC on 31 March, which is 1 April in Berlin
        asUser(alice).get(history + "?from=2024-04-01&to=2024-04-01", alice).then()
                .body("total", equalTo(1)).body("items.sessionId", contains("s2"));
        asUser(alice).get(history + "?to=2024-03-31", alice).then().body("items.sessionId", contains("s1"));
    }

    @Test
    void csvExportIsEscaped() {
        asUser(alice).get("/api/v1/users/{userId}/history.csv", alice).then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .body(startsWith("date,completedAt,zoneId,sessionId"))
                .body(containsString(",\"Felt \"\"much\"\" better, finally\"\r\n"));
    }

    @Test
    void statsPainTrendAndExerciseStats() {
        asUser(alice).get("/api/v1/users/{userId}/stats", alice).then().statusCode(200)
                .body("zoneId", equalTo("Europe/Berlin"))
                .body("totals.sessions", equalTo(3))
                .body("totals.totalMinutes", equalTo(75.0f))
                .body("streaks.longestDays", equalTo(2))
                .body("pain.lifetime.checkIns", equalTo(1))
                .body("exercises.exerciseId", contains("bird-dog", "plank"))
                .body("personalRecords.bestHolds[0].value", equalTo(45));
        asUser(alice).get("/api/v1/users/{userId}/pain-trend?from=2024-03-31&to=2024-04-02", alice).then()
                .statusCode(200)
                .body("days", hasSize(3))
                .body("days[1].date", equalTo("2024-04-01"))
                .body("days[1].before", equalTo(5.0f))
                .body("days[1].checkIn", equalTo(3.0f))
                .body("summary.checkIns", equalTo(1));
        asUser(alice).get("/api/v1/users/{userId}/exercises/{exerciseId}/stats", alice, "plank").then()
                .statusCode(200)
                .body("timesDone", equalTo(2))
                .body("bestHoldSeconds", equalTo(45))
                .body("lastDone", equalTo("2024-04-01"));
    }
}
