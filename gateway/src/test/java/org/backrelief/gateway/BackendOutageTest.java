package org.backrelief.gateway;

import static org.backrelief.gateway.support.Api.PROBLEM_JSON;
import static org.backrelief.gateway.support.Api.anonymous;
import static org.backrelief.gateway.support.Api.as;
import static org.backrelief.gateway.support.Api.asUser;
import static org.backrelief.gateway.support.Api.newUser;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.backrelief.gateway.support.BackendServicesResource;
import org.backrelief.infra.BackReliefServices.Service;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A backend outage: tracking-service stops. Its routes answer 503 problem+json fast, every other route keeps
 * working, the dashboard degrades instead of failing, and when tracking-service is back the routes recover on
 * their own.
 */
@QuarkusTest
class BackendOutageTest {

    /** Fast means: well below any timeout, so a client is never left hanging by a dead backend. */
    private static final long FAST_MS = 2_000;

    private static final List<String> TRACKING_ROUTES = List.of("/api/v1/me/history", "/api/v1/me/history.csv",
            "/api/v1/me/stats", "/api/v1/me/pain-trend", "/api/v1/me/exercises/bird-dog/stats");

    @Test
    void trackingOutageIsContainedAndRecovers() {
        String user = newUser("outage");
        awaitTrackingServes(user);

        BackendServicesResource.services().stop(Service.TRACKING);
        try {
            for (String route : TRACKING_ROUTES) {
                long started = System.nanoTime();
                asUser(user).accept(route.endsWith(".csv") ? "text/csv" : "application/json")
                        .get(route).then().statusCode(503).contentType(PROBLEM_JSON)
                        .body("status", equalTo(503))
                        .body("type", equalTo("https://backrelief.org/problems/unavailable"))
                        .body("detail", containsString("tracking-service"))
                        .body("instance", equalTo(route))
                        .header("Retry-After", notNullValue());
                assertThat(route + " answered in ms", elapsedMs(started), lessThan(FAST_MS));
            }
            as(newUser("outage-admin"), "admin").post("/api/v1/admin/history/rebuild").then().statusCode(503);

            // everything else keeps working
            anonymous().get("/api/v1/exercises").then().statusCode(200);
            anonymous().get("/api/v1/phases").then().statusCode(200);
            asUser(user).get("/api/v1/me/profile").then().statusCode(not(equalTo(503)));

            // the dashboard degrades: tracking sections say why, the planner's section is still there
            long started = System.nanoTime();
            asUser(user).get("/api/v1/me/dashboard").then().statusCode(200)
                    .body("nextSession.available", equalTo(true))
                    .body("streak.available", equalTo(false))
                    .body("streak.reason", containsString("tracking-service"))
                    .body("weeklyAdherence.available", equalTo(false))
                    .body("painTrend.available", equalTo(false))
                    .body("painTrend.reason", containsString("tracking-service"));
            assertThat("dashboard answered in ms", elapsedMs(started), lessThan(FAST_MS));

            // repeated calls stay fast (the circuit opens instead of waiting on a dead service)
            for (int i = 0; i < 30; i++) {
                long call = System.nanoTime();
                asUser(user).get("/api/v1/me/stats").then().statusCode(503);
                assertThat("call " + i + " answered in ms", elapsedMs(call), lessThan(FAST_MS));
            }
        } finally {
            BackendServicesResource.startService(Service.TRACKING);
        }

        awaitTrackingServes(user);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                asUser(user).get("/api/v1/me/dashboard").then().statusCode(200)
                        .body("streak.available", equalTo(true))
                        .body("painTrend.available", equalTo(true)));
    }

    /** Until the gateway reaches tracking-service again (the circuit breaker probes it after its delay). */
    private static void awaitTrackingServes(String user) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Response response = asUser(user).get("/api/v1/me/stats");
            assertThat(response.statusCode(), equalTo(200));
        });
    }

    private static long elapsedMs(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
