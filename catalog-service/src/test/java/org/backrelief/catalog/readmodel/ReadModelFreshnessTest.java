package org.backrelief.catalog.readmodel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.backrelief.catalog.exercise.CatalogApi.EXERCISES;
import static org.backrelief.catalog.exercise.CatalogApi.asEditor;
import static org.backrelief.catalog.exercise.CatalogApi.exercise;
import static org.backrelief.catalog.exercise.CatalogApi.newId;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.backrelief.catalog.exercise.ExerciseEntity;
import org.backrelief.catalog.exercise.ExerciseRepository;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Updates;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The read model stays fresh: a write on this replica is served at once; a write of another replica (simulated by
 * writing to MongoDB directly, as another replica's repository would) is found by the periodic version check.
 */
@QuarkusTest
class ReadModelFreshnessTest {

    @Inject
    ExerciseReadModel readModel;

    @Inject
    ExerciseRepository repository;

    @Test
    void aWriteOnThisReplicaIsServedImmediately() {
        String id = newId("fresh");
        asEditor().body(exercise(id)).post(EXERCISES).then().statusCode(201);
        given().queryParam("q", id).get(EXERCISES).then().statusCode(200).body("total", equalTo(1));
        Map<String, Object> body = exercise(id);
        body.put("version", 1);
        body.put("summary", "Changed on this replica.");
        asEditor().body(body).put(EXERCISES + "/" + id).then().statusCode(200);
        given().get(EXERCISES + "/" + id).then().statusCode(200).body("summary", equalTo("Changed on this replica."))
                .header("ETag", "\"" + id + ".v2\"");
        given().queryParam("q", id).get(EXERCISES).then().body("items[0].summary", equalTo("Changed on this replica."));
    }

    @Test
    void anotherReplicasUpdateIsServedWithinTheCheckInterval() {
        String id = newId("remote");
        asEditor().body(exercise(id)).post(EXERCISES).then().statusCode(201);
        // another replica's conditional update, straight to MongoDB; nothing here tells the read model
        assertThat(repository.updateIfVersion(id, 1, Updates.combine(Updates.set("summary", "Changed elsewhere."),
                Updates.set("updatedAt", Instant.now()), Updates.inc("version", 1L)))).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().get(EXERCISES + "/" + id).then().statusCode(200).body("summary", equalTo("Changed elsewhere."))
                        .body("version", equalTo(2)).header("ETag", "\"" + id + ".v2\""));
        given().queryParam("q", "Changed elsewhere.").get(EXERCISES).then().body("total", equalTo(1));
    }

    @Test
    void anotherReplicasInsertIsServedWithinTheCheckInterval() {
        String id = newId("elsewhere");
        ExerciseEntity entity = ExerciseEntity.withContentOf(new com.fasterxml.jackson.databind.ObjectMapper()
                .findAndRegisterModules().convertValue(exercise(id), org.backrelief.catalog.exercise.Exercise.class));
        entity.version = 1;
        entity.updatedAt = Instant.now();
        entity.origin = org.backrelief.catalog.exercise.Origin.API;
        entity.editedViaApi = true;
        assertThat(repository.insert(entity)).isTrue();
        // no call into the read model: its scheduled check must find it (1 s interval in this configuration)
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().get(EXERCISES + "/" + id).then().statusCode(200).body("version", equalTo(1)));
        given().queryParam("q", id).get(EXERCISES).then().body("total", equalTo(1));
        assertThat(readModel.isFresh()).isTrue();
    }
}
