package org.backrelief.catalog.exercise;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.backrelief.catalog.exercise.CatalogApi.EXERCISES;
import static org.backrelief.catalog.exercise.CatalogApi.asEditor;
import static org.backrelief.catalog.exercise.CatalogApi.exercise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.backrelief.common.problem.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Throws bad input at every endpoint: each answer is a 4xx application/problem+json naming the field, never a 500.
 */
@QuarkusTest
class BadInputApiTest {

    private static final String BAD_ID = "bad-input-drill";

    static Stream<Arguments> badQueries() {
        return Stream.of(
                query("phase=FLYING", "phase"),
                query("phase=$ne", "phase"),
                query("target=TOES", "target"),
                query("equipment=JETPACK", "equipment"),
                query("equipment=CHAIR&equipment=$ne", "equipment"),
                query("position=UPSIDE_DOWN", "position"),
                query("excludePosition=$where", "excludePosition"),
                query("impact=HUGE", "impact"),
                query("level=GODLIKE", "level"),
                query("maxDifficulty=9", "maxDifficulty"),
                query("maxDifficulty=easy", "maxDifficulty"),
                query("size=101", "size"),
                query("size=0", "size"),
                query("size=abc", "size"),
                query("page=-1", "page"),
                query("page=99999999999", "page"),
                query("sort=$where", "sort"),
                query("sort=name,name", "sort"),
                query("q=" + "x".repeat(101), "q"));
    }

    @ParameterizedTest(name = "GET ?{0}")
    @MethodSource("badQueries")
    void badQueryParametersAre400Problems(String query, String field) {
        assertProblem(given().get(EXERCISES + "?" + query), 400, field);
        if (!query.startsWith("phase=")) { // there the phase comes from the path
            assertProblem(given().get("/api/v1/phases/STRETCHING/exercises?" + query), 400, field);
        }
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                body("steps missing", "steps", b -> b.remove("steps")),
                body("steps empty", "steps", b -> b.put("steps", List.of())),
                body("blank step", "steps[1]", b -> b.put("steps", List.of("Sit.", " "))),
                body("no phases", "phases", b -> b.put("phases", List.of())),
                body("a phase twice", "phases", b -> b.put("phases", List.of(cooldown(Map.of("minutes", range(1, 2))),
                        cooldown(Map.of("minutes", range(1, 2)))))),
                body("negative reps", "phases[0].dose.reps.min", b -> b.put("phases", List.of(cooldown(Map.of(
                        "reps", range(-1, 5)))))),
                body("inverted range", "phases[0].dose.minutes", b -> b.put("phases", List.of(cooldown(Map.of(
                        "minutes", range(5, 2)))))),
                body("dose without amount", "phases[0].dose", b -> b.put("phases", List.of(cooldown(Map.of(
                        "note", "whatever"))))),
                body("negative rest", "phases[0].dose.restSeconds", b -> b.put("phases", List.of(cooldown(Map.of(
                        "minutes", range(1, 2), "restSeconds", -5))))),
                body("name too long", "name", b -> b.put("name", "n".repeat(81))),
                body("summary too long", "summary", b -> b.put("summary", "s".repeat(501))),
                body("unknown position", "position", b -> b.put("position", "FLYING")),
                body("unknown target", "targets[0]", b -> b.put("targets", List.of("TOES"))),
                body("unknown phase", "phases[0].phase", b -> b.put("phases", List.of(Map.of("phase", "NAP",
                        "dose", Map.of("minutes", range(1, 2)))))),
                body("NONE as equipment", "equipment", b -> b.put("equipment", List.of("NONE"))),
                body("difficulty 0", "difficulty", b -> b.put("difficulty", 0)),
                body("difficulty 1.5", "difficulty", b -> b.put("difficulty", 1.5)),
                body("difficulty as text", "difficulty", b -> b.put("difficulty", "two")),
                body("floor missing", "floor", b -> b.remove("floor")),
                body("id not a slug", "id", b -> b.put("id", "Bad Id!")),
                body("ladder without itself", "ladder", b -> b.put("ladder", List.of("plank"))),
                body("unknown field", "colour", b -> b.put("colour", "blue")),
                body("$where key", "$where", b -> b.put("$where", "sleep(1000)")),
                body("operator object as a value", "name", b -> b.put("name", Map.of("$ne", ""))),
                body("operator inside a range", "$gt", b -> b.put("phases", List.of(cooldown(Map.of(
                        "minutes", Map.of("$gt", 0)))))),
                body("operator key in a phase", "$set", b -> b.put("phases", List.of(Map.of("phase", "COOL_DOWN",
                        "$set", Map.of("deleted", true), "dose", Map.of("minutes", range(1, 2)))))));
    }

    @ParameterizedTest(name = "POST {0}")
    @MethodSource("badBodies")
    void badBodiesAre400ProblemsOnCreate(String name, String field, Consumer<Map<String, Object>> change) {
        Map<String, Object> body = new LinkedHashMap<>(exercise(BAD_ID));
        change.accept(body);
        assertProblem(asEditor().body(body).post(EXERCISES), 400, field);
    }

    @ParameterizedTest(name = "PUT {0}")
    @MethodSource("badBodies")
    void badBodiesAre400ProblemsOnUpdate(String name, String field, Consumer<Map<String, Object>> change) {
        Map<String, Object> body = new LinkedHashMap<>(exercise("meditation"));
        body.put("version", 1);
        change.accept(body);
        if (!"id".equals(field)) {
            body.putIfAbsent("id", "meditation");
        }
        assertProblem(asEditor().body(body).put(EXERCISES + "/meditation"), 400, field);
    }

    static Stream<Arguments> brokenRequests() {
        String valid;
        try {
            valid = new ObjectMapper().writeValueAsString(exercise(BAD_ID));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Stream.of(
                raw("malformed JSON", "POST", EXERCISES, ContentType.JSON, "{\"id\": \"x\",", null, 400, null),
                raw("trailing garbage", "POST", EXERCISES, ContentType.JSON, valid + "}", null, 400, null),
                raw("empty body", "POST", EXERCISES, ContentType.JSON, "", null, 400, null),
                raw("an array", "POST", EXERCISES, ContentType.JSON, "[]", null, 400, null),
                raw("a string", "POST", EXERCISES, ContentType.JSON, "\"$where\"", null, 400, null),
                raw("plain text", "POST", EXERCISES, ContentType.TEXT, valid, null, 415, null),
                raw("id differs from path", "PUT", EXERCISES + "/meditation", ContentType.JSON,
                        valid.replaceFirst("\\{", "{\"version\": 1,"), null, 400, "id"),
                raw("garbage If-Match", "PUT", EXERCISES + "/" + BAD_ID, ContentType.JSON, valid, "\"nope\"", 400,
                        "If-Match"),
                raw("If-Match of another exercise", "DELETE", EXERCISES + "/meditation", null, null,
                        "\"plank.v1\"", 400, "If-Match"),
                raw("body version disagrees with If-Match", "PUT", EXERCISES + "/" + BAD_ID, ContentType.JSON,
                        valid.replaceFirst("\\{", "{\"version\": 4,"), "\"" + BAD_ID + ".v3\"", 400, "version"),
                raw("unknown id", "PUT", EXERCISES + "/no-such-drill", ContentType.JSON,
                        valid.replace(BAD_ID, "no-such-drill").replaceFirst("\\{", "{\"version\": 1,"), null, 404, null),
                raw("wrong method", "PATCH", EXERCISES + "/meditation", ContentType.JSON, "{}", null, 405, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRequests")
    void brokenRequestsAre4xxProblems(String name, String method, String path, ContentType type, String body,
            String ifMatch, int status, String field) {
        var request = asEditor();
        if (type != null) {
            request.contentType(type);
        }
        if (body != null) {
            request.body(body);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        assertProblem(request.request(method, path), status, field);
    }

    private static void assertProblem(Response response, int status, String field) {
        response.then().log().ifValidationFails().statusCode(status).contentType(Problem.MEDIA_TYPE);
        assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        if (field != null) {
            List<String> named = new ArrayList<>(response.jsonPath().getList("violations.field", String.class));
            named.add(response.jsonPath().getString("detail"));
            assertThat(named).as("the problem names " + field + ": " + response.asString())
                    .anySatisfy(text -> assertThat(text).contains(field));
        }
    }

    private static Arguments query(String query, String field) {
        return Arguments.of(query, field);
    }

    private static Arguments body(String name, String field, Consumer<Map<String, Object>> change) {
        return Arguments.of(name, field, change);
    }

    private static Arguments raw(String name, String method, String path, ContentType type, String body,
            String ifMatch, int status, String field) {
        return Arguments.of(name, method, path, type, body, ifMatch, status, field);
    }

    private static Map<String, Object> cooldown(Map<String, Object> dose) {
        return Map.of("phase", "COOL_DOWN", "guideSection", "Cool Down", "dose", dose);
    }

    private static Map<String, Object> range(int min, int max) {
        return Map.of("min", min, "max", max);
    }
}
