package org.backrelief.catalog.exercise;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.backrelief.catalog.exercise.CatalogApi.EXERCISES;
import static org.backrelief.catalog.exercise.CatalogApi.asEditor;
import static org.backrelief.catalog.exercise.CatalogApi.asUser;
import static org.backrelief.catalog.exercise.CatalogApi.exercise;
import static org.backrelief.catalog.exercise.CatalogApi.newId;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.backrelief.common.events.EventTypes;
import org.backrelief.infra.EmbeddedKafka;
import org.backrelief.testing.TestInfrastructure;
import org.junit.jupiter.api.Assumptions;
import org.backrelief.common.problem.Problem;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Editor writes: roles, optimistic concurrency, soft delete and the change events on the real broker. */
@QuarkusTest
class ExerciseWriteApiTest {

    @Test
    void writesNeedTheEditorRole() {
        String id = newId("roles");
        given().contentType(ContentType.JSON).body(exercise(id)).post(EXERCISES).then().statusCode(401)
                .contentType(Problem.MEDIA_TYPE);
        asUser().body(exercise(id)).post(EXERCISES).then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        given().get(EXERCISES + "/" + id).then().statusCode(404);

        asEditor().body(exercise(id)).post(EXERCISES).then().statusCode(201)
                .header("Location", endsWith(EXERCISES + "/" + id))
                .header("ETag", "\"" + id + ".v1\"")
                .body("version", equalTo(1)).body("origin", equalTo("API")).body("editedViaApi", equalTo(true))
                .body("deleted", equalTo(false)).body("updatedAt", notNullValue());

        Map<String, Object> changed = exercise(id);
        changed.put("version", 1);
        given().contentType(ContentType.JSON).body(changed).put(EXERCISES + "/" + id).then().statusCode(401);
        asUser().body(changed).put(EXERCISES + "/" + id).then().statusCode(403);
        given().delete(EXERCISES + "/" + id).then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        asUser().delete(EXERCISES + "/" + id).then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        given().get(EXERCISES + "/" + id).then().statusCode(200).body("version", equalTo(1))
                .body("deleted", equalTo(false));
    }

    @Test
    void aDuplicateIdIsAConflict() {
        String id = newId("dup");
        asEditor().body(exercise(id)).post(EXERCISES).then().statusCode(201);
        asEditor().body(exercise(id)).post(EXERCISES).then().statusCode(409).contentType(Problem.MEDIA_TYPE);
        asEditor().body(exercise("glute-bridge")).post(EXERCISES).then().statusCode(409);
    }

    @Test
    void updatesAreOptimisticallyConcurrent() {
        String id = newId("occ");
        String v1 = asEditor().body(exercise(id)).post(EXERCISES).then().statusCode(201).extract().header("ETag");
        Map<String, Object> body = exercise(id);
        body.put("summary", "Changed once.");

        asEditor().body(body).put(EXERCISES + "/" + id).then().statusCode(428).contentType(Problem.MEDIA_TYPE);

        String v2 = asEditor().header("If-Match", v1).body(body).put(EXERCISES + "/" + id).then().statusCode(200)
                .body("version", equalTo(2)).body("summary", equalTo("Changed once.")).extract().header("ETag");
        assertThat(v2).isEqualTo("\"" + id + ".v2\"");

        body.put("summary", "A stale write.");
        asEditor().header("If-Match", v1).body(body).put(EXERCISES + "/" + id).then().statusCode(409)
                .contentType(Problem.MEDIA_TYPE).body("detail", org.hamcrest.Matchers.containsString("current version is 2"));
        body.put("version", 1);
        asEditor().body(body).put(EXERCISES + "/" + id).then().statusCode(409);

        body.put("version", 2);
        body.put("summary", "Changed twice.");
        asEditor().body(body).put(EXERCISES + "/" + id).then().statusCode(200).body("version", equalTo(3));

        // the old ETag no longer matches: a conditional GET returns the new representation
        given().header("If-None-Match", v2).get(EXERCISES + "/" + id).then().statusCode(200)
                .header("ETag", "\"" + id + ".v3\"").body("summary", equalTo("Changed twice."));
        asEditor().body(exercise("no-such-drill")).header("If-Match", "\"no-such-drill.v1\"")
                .put(EXERCISES + "/no-such-drill").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aGetPutRoundTripWorks() {
        Map<String, Object> current = given().get(EXERCISES + "/plank").then().statusCode(200).extract().jsonPath()
                .getMap("");
        String etag = given().get(EXERCISES + "/plank").then().extract().header("ETag");
        asEditor().header("If-Match", etag).body(current).put(EXERCISES + "/plank").then().statusCode(200)
                .body("version", equalTo(((Number) current.get("version")).intValue() + 1))
                .body("origin", equalTo("CONTENT")).body("editedViaApi", equalTo(true))
                .body("contentVersion", equalTo(current.get("contentVersion")));
    }

    @Test
    void softDeleteHidesFromListsButKeepsTheExerciseReadable() {
        String id = newId("soft");
        Map<String, Object> body = exercise(id);
        body.put("name", "Softly deleted " + id);
        asEditor().body(body).post(EXERCISES).then().statusCode(201);
        given().queryParam("q", id).get(EXERCISES).then().statusCode(200).body("total", equalTo(1));

        asEditor().header("If-Match", "\"" + id + ".v7\"").delete(EXERCISES + "/" + id).then().statusCode(409);
        asEditor().delete(EXERCISES + "/" + id).then().statusCode(204);
        given().get(EXERCISES + "/" + id).then().statusCode(200).body("deleted", equalTo(true))
                .body("version", equalTo(2)).header("ETag", "\"" + id + ".v2\"");
        given().queryParam("q", id).get(EXERCISES).then().statusCode(200).body("total", equalTo(0));
        given().get("/api/v1/phases/COOL_DOWN/exercises?q=" + id).then().statusCode(200).body("total", equalTo(0));
        asEditor().delete(EXERCISES + "/" + id).then().statusCode(204);
        given().get(EXERCISES + "/" + id).then().body("version", equalTo(2));
        asEditor().delete(EXERCISES + "/no-such-drill").then().statusCode(404).contentType(Problem.MEDIA_TYPE);

        // a PUT restores it
        body.put("version", 2);
        asEditor().body(body).put(EXERCISES + "/" + id).then().statusCode(200).body("deleted", equalTo(false));
        given().queryParam("q", id).get(EXERCISES).then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void aCreatePostedTwiceWithTheSameKeyCreatesOneExerciseAndPublishesOneEvent() {
        String id = newId("idem");
        String editorToken = TestInfrastructure.get().token("editor-" + id, org.backrelief.common.domain.Roles.EDITOR);
        String key = java.util.UUID.randomUUID().toString();
        String first = given().auth().oauth2(editorToken).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(exercise(id)).post(EXERCISES).then().statusCode(201).extract().asString();
        given().auth().oauth2(editorToken).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(exercise(id)).post(EXERCISES).then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", endsWith("/api/v1/exercises/" + id)).header("ETag", notNullValue())
                .body(equalTo(first));
        // another body under the same key is a client mistake, told apart from "the id is taken"
        Map<String, Object> other = exercise(id);
        other.put("difficulty", 2);
        given().auth().oauth2(editorToken).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(other).post(EXERCISES).then().statusCode(409).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://backrelief.org/problems/idempotency-key-reused"));
        // a bad key is a 400 naming the header, before anything is written
        given().auth().oauth2(editorToken).contentType(ContentType.JSON).header("Idempotency-Key", "k".repeat(256))
                .body(exercise(newId("idem"))).post(EXERCISES).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations[0].field", equalTo("Idempotency-Key"));

        assertThat(CatalogApi.changeRecords(id, 2, Duration.ofSeconds(5))).hasSize(1);
    }

    @Test
    void everyChangeIsPublishedAsACloudEventOnTheRealBroker() throws Exception {
        String id = newId("event");
        asEditor().body(exercise(id)).post(EXERCISES).then().statusCode(201);
        Map<String, Object> body = exercise(id);
        body.put("version", 1);
        asEditor().body(body).put(EXERCISES + "/" + id).then().statusCode(200);
        asEditor().delete(EXERCISES + "/" + id).then().statusCode(204);

        List<ConsumerRecord<String, String>> records = CatalogApi.changeRecords(id, 3, Duration.ofSeconds(30));
        assertThat(records).hasSize(3);
        ObjectMapper mapper = new ObjectMapper();
        List<String> changes = new java.util.ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            JsonNode event = mapper.readTree(record.value());
            assertThat(event.path("specversion").asText()).isEqualTo("1.0");
            assertThat(event.path("type").asText()).isEqualTo(EventTypes.EXERCISE_CHANGED_V1);
            assertThat(event.path("subject").asText()).isEqualTo(id);
            assertThat(event.path("source").asText()).isEqualTo("/backrelief/catalog-service");
            assertThat(event.path("id").asText()).isNotBlank();
            assertThat(event.path("time").asText()).isNotBlank();
            assertThat(event.path("data").path("exerciseId").asText()).isEqualTo(id);
            assertThat(event.path("data").path("schemaVersion").asInt()).isEqualTo(1);
            assertThat(event.path("data").path("version").asLong()).isEqualTo(i + 1);
            changes.add(event.path("data").path("change").asText());
            assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("application/cloudevents+json");
        }
        assertThat(changes).containsExactly("CREATED", "UPDATED", "DELETED");
    }

    @Test
    void aWriteSucceedsWhileKafkaIsDownAndItsEventFollowsWhenKafkaIsBack() {
        EmbeddedKafka kafka = TestInfrastructure.get().embeddedKafka().orElse(null);
        Assumptions.assumeTrue(kafka != null, "needs the embedded broker to stop it");
        String id = newId("outage");
        kafka.stop();
        try {
            long start = System.nanoTime();
            asEditor().body(exercise(id)).post(EXERCISES).then().statusCode(201);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the write does not wait for Kafka")
                    .isLessThan(Duration.ofSeconds(5));
            given().get(EXERCISES + "/" + id).then().statusCode(200);
        } finally {
            kafka.start();
        }
        assertThat(CatalogApi.changeRecords(id, 1, Duration.ofSeconds(60))).as("delivered once Kafka is back")
                .hasSize(1);
    }

    @Test
    void ladderReferencesMustExist() {
        String id = newId("ladder");
        Map<String, Object> body = exercise(id);
        body.put("ladder", List.of(id, "no-such-harder-drill"));
        asEditor().body(body).post(EXERCISES).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations[0].field", equalTo("ladder[1]"));
        body.put("ladder", List.of("meditation", id));
        asEditor().body(body).post(EXERCISES).then().statusCode(201).body("ladder", equalTo(List.of("meditation", id)));
    }
}
