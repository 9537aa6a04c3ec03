package org.backrelief.gateway;

import static org.backrelief.gateway.support.Api.PROBLEM_JSON;
import static org.backrelief.gateway.support.Api.anonymous;
import static org.backrelief.gateway.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.UUID;

import org.backrelief.gateway.support.Content;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Browsing the catalog without an account, and an editor changing it, all through the gateway. */
@QuarkusTest
class CatalogJourneyTest {

    @Test
    void browseWithFiltersAndPaging() {
        anonymous().queryParam("phase", "STRENGTHENING").queryParam("target", "CORE").queryParam("size", 3)
                .get("/api/v1/exercises")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("items", not(empty()))
                .body("items.size()", lessThanOrEqualTo(3))
                .body("size", equalTo(3))
                .body("page", equalTo(0))
                .body("total", greaterThan(0))
                .body("items.targets", everyItem(hasItem("CORE")));
    }

    @Test
    void repeatableParametersArePassedOnWhole() {
        // "I have only a chair and a mat": every result needs at most those
        anonymous().queryParam("equipment", "CHAIR").queryParam("equipment", "MAT").queryParam("size", 100)
                .get("/api/v1/exercises")
                .then().statusCode(200)
                .body("items.equipment.flatten()", everyItem(org.hamcrest.Matchers.in(new String[] { "CHAIR", "MAT" })));
        anonymous().queryParam("excludePosition", "PRONE").queryParam("excludePosition", "SUPINE").queryParam("size", 100)
                .get("/api/v1/exercises")
                .then().statusCode(200)
                .body("items.position", not(hasItem("PRONE")))
                .body("items.position", not(hasItem("SUPINE")));
    }

    @Test
    void textSearch() {
        anonymous().queryParam("q", "bridge").get("/api/v1/exercises")
                .then().statusCode(200).body("items.id", hasItem("glute-bridge"));
    }

    @Test
    void theCatalogsValidationProblemReachesTheClientUnchanged() {
        anonymous().queryParam("phase", "NAPPING").get("/api/v1/exercises")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("violations.field", hasItem("phase"));
    }

    @Test
    void oneExerciseWithConditionalGet() {
        String etag = anonymous().get("/api/v1/exercises/bird-dog")
                .then().statusCode(200)
                .body("id", equalTo("bird-dog"))
                .body("name", notNullValue())
                .header("ETag", notNullValue())
                .extract().header("ETag");
        anonymous().header("If-None-Match", etag).get("/api/v1/exercises/bird-dog")
                .then().statusCode(304).header("ETag", equalTo(etag));
    }

    @Test
    void listsAreConditionalToo() {
        String etag = anonymous().queryParam("phase", "COOL_DOWN").get("/api/v1/exercises")
                .then().statusCode(200).extract().header("ETag");
        org.junit.jupiter.api.Assumptions.assumeTrue(etag != null, "catalog sends no ETag on lists");
        anonymous().queryParam("phase", "COOL_DOWN").header("If-None-Match", etag).get("/api/v1/exercises")
                .then().statusCode(304);
    }

    @Test
    void unknownExerciseIs404ProblemFromTheCatalog() {
        anonymous().get("/api/v1/exercises/no-such-exercise")
                .then().statusCode(404).contentType(PROBLEM_JSON).body("status", equalTo(404));
    }

    @Test
    void phasesInWorkoutOrder() {
        anonymous().get("/api/v1/phases")
                .then().statusCode(200)
                .body("$", hasSize(5))
                .body("phase[0]", equalTo("WARM_UP"))
                .body("phase[4]", equalTo("COOL_DOWN"));
        anonymous().get("/api/v1/phases/STRETCHING/exercises")
                .then().statusCode(200)
                .body("items", not(empty()))
                .body("items.phases.phase.flatten()", hasItem("STRETCHING"));
    }

    @Test
    void editorCreatesChangesAndRetiresAnExercise() {
        String id = "gw-test-" + UUID.randomUUID().toString().substring(0, 8);
        var editor = as("ed-" + id, "editor");

        String location = as("ed-" + id, "editor").contentType(ContentType.JSON).body(Content.newExercise("bird-dog", id))
                .post("/api/v1/exercises")
                .then().statusCode(201)
                .body("id", equalTo(id))
                .extract().header("Location");
        // the client is sent to the gateway's URL, never to the catalog's internal address
        org.hamcrest.MatcherAssert.assertThat(location, containsString("/api/v1/exercises/" + id));
        org.hamcrest.MatcherAssert.assertThat(location, not(containsString(":" + catalogPort())));

        String etag = anonymous().get("/api/v1/exercises/" + id).then().statusCode(200).extract().header("ETag");
        String changed = Content.newExercise("bird-dog", id).replace("\"Test " + id + "\"", "\"Renamed " + id + "\"");

        editor.contentType(ContentType.JSON).header("If-Match", etag).body(changed).put("/api/v1/exercises/" + id)
                .then().statusCode(200).body("name", equalTo("Renamed " + id));
        // the old ETag is stale now: the catalog's 409 comes through
        as("ed-" + id, "editor").contentType(ContentType.JSON).header("If-Match", etag).body(changed)
                .put("/api/v1/exercises/" + id)
                .then().statusCode(409).contentType(PROBLEM_JSON);

        as("ed-" + id, "editor").delete("/api/v1/exercises/" + id).then().statusCode(204);
        anonymous().get("/api/v1/exercises/" + id).then().statusCode(200).body("deleted", equalTo(true));
    }

    @Test
    void invalidExerciseIs400NamingTheField() {
        as("ed-invalid", "editor").contentType(ContentType.JSON).body("{\"id\":\"x\"}").post("/api/v1/exercises")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("violations", not(empty()));
    }

    private static String catalogPort() {
        return org.backrelief.gateway.support.BackendServicesResource.services()
                .url(org.backrelief.infra.BackReliefServices.Service.CATALOG).replaceAll(".*:", "");
    }
}
