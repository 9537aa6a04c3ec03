package org.backrelief.tracking;

import static org.backrelief.testing.Management.management;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

import org.backrelief.testing.HealthContract;
import org.backrelief.testing.InfrastructureResource;
import org.backrelief.tracking.ingest.IngestReadinessCheck;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(InfrastructureResource.class)
@Order(1)
class TrackingHealthTest extends HealthContract {

    @Test
    void readinessIncludesIngestionAndTheKafkaConsumer() {
        awaitReadiness(200, "UP");
        management().get("/q/health/ready").then()
                .body("checks.name", hasItem(IngestReadinessCheck.NAME))
                .body("checks.name", hasItem("SmallRye Reactive Messaging - readiness check"));
    }
}
