package org.backrelief.testing;

import static io.restassured.RestAssured.given;
import static org.backrelief.testing.Management.management;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.backrelief.infra.EmbeddedMongo;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The health contract of every data-owning service: ready only while its database answers, and back to ready on
 * its own when the database returns. Health and metrics are on the management interface, never on the public port.
 * A service's test extends this and adds {@code @QuarkusTest}.
 */
public abstract class HealthContract {

    @Test
    void liveAndStartedEndpointsAreUp() {
        management().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        management().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessIsUpAndNamesMongoDb() {
        awaitReadiness(200, "UP");
        management().get("/q/health/ready").then().body("checks.name", hasItem(mongoCheckName()));
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
        management().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi?format=json").then().statusCode(200).body("openapi", org.hamcrest.Matchers.startsWith("3."));
    }

    @Test
    void healthAndMetricsAreOnTheManagementPortOnlyNeverOnThePublicPort() {
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/health/live").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }

    protected String mongoCheckName() {
        return "MongoDB connection health check";
    }

    protected static void awaitReadiness(int status, String state) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                management().get("/q/health/ready").then().log().ifValidationFails().statusCode(status).body("status", equalTo(state)));
    }
}
