package org.backrelief.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.backrelief.infra.EmbeddedMongo;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The health contract of every data-owning service: ready only while its database answers, and back to ready on
 * its own when the database returns. A service's test extends this and adds {@code @QuarkusTest}.
 */
public abstract class HealthContract {

    @Test
    void liveAndStartedEndpointsAreUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessIsUpAndNamesMongoDb() {
        awaitReadiness(200, "UP");
        given().get("/q/health/ready").then().body("checks.name", hasItem(mongoCheckName()));
    }

    @Test
    void readinessFollowsTheDatabase() {
        Assumptions.assumeTrue(TestInfrastructure.get().embeddedMongo().isPresent(),
                "needs the embedded Mongo server to stop it");
        EmbeddedMongo mongo = TestInfrastructure.get().embeddedMongo().orElseThrow();
        awaitReadiness(200, "UP");
        mongo.stop();
        try {
            awaitReadiness(503, "DOWN");
        } finally {
            mongo.start();
        }
        awaitReadiness(200, "UP");
    }

    @Test
    void metricsAndOpenApiAreServed() {
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi?format=json").then().statusCode(200).body("openapi", org.hamcrest.Matchers.startsWith("3."));
    }

    protected String mongoCheckName() {
        return "MongoDB connection health check";
    }

    protected static void awaitReadiness(int status, String state) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().get("/q/health/ready").then().log().ifValidationFails().statusCode(status).body("status", equalTo(state)));
    }
}
