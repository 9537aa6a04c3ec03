package org.backrelief.catalog.exercise;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.backrelief.catalog.exercise.CatalogApi.EXERCISES;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.backrelief.common.domain.Level;
import org.backrelief.common.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Reads over the real Mongo-protocol server. Filter results are compared with an independent oracle: the whole
 * catalog fetched page by page and filtered in Java by the documented semantics.
 */
@QuarkusTest
class ExerciseQueryApiTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "phase=COOL_DOWN&target=MIND_BREATHING",
            "phase=WARM_UP&equipment=NONE&excludePosition=STANDING",
            "equipment=CHAIR&equipment=TREADMILL",
            "equipment=NONE",
            "equipment=POOL&phase=LOW_IMPACT_CARDIO",
            "position=STANDING&impact=LOW&maxDifficulty=2",
            "level=BEGINNER&phase=WARM_UP",
            "level=INTERMEDIATE&maxDifficulty=4&impact=MODERATE",
            "phase=STRENGTHENING&excludePosition=PRONE&excludePosition=SUPINE&excludePosition=ALL_FOURS",
            "q=BRIDGE",
            "q=cat/cow&phase=cool_down",
            "q=breath&target=mind_breathing&position=SEATED",
            "target=HAMSTRINGS&phase=STRETCHING&equipment=CHAIR"})
    void filtersCombineWithAnd(String query) {
        List<Map<String, Object>> all = fetchAll("");
        Map<String, List<String>> params = parse(query);
        List<String> expected = all.stream().filter(oracle(params)).map(e -> (String) e.get("id")).sorted().toList();
        List<String> actual = fetchAll(query).stream().map(e -> (String) e.get("id")).sorted().toList();
        assertThat(actual).isEqualTo(expected);
        assertThat(expected).as("the query should select something, or it proves nothing").isNotEmpty();
        assertThat(expected.size()).as("and not everything").isLessThan(all.size());
    }

    @Test
    void filtersMatchTheGuide() {
        assertThat(ids("equipment=NONE")).contains("glute-bridge", "cat-camel").doesNotContain("treadmill-walking",
                "hamstring-stretch", "foam-rolling-back", "swimming");
        assertThat(ids("equipment=CHAIR")).contains("hamstring-stretch", "plank").doesNotContain("treadmill-walking");
        assertThat(ids("level=BEGINNER&phase=WARM_UP")).contains("walking-in-place")
                .doesNotContain("shuffles", "sprints");
        assertThat(ids("phase=COOL_DOWN&target=MIND_BREATHING")).contains("deep-breathing", "meditation",
                "guided-imagery", "progressive-muscle-relaxation");
        assertThat(ids("q=cat/cow")).containsExactly("cat-camel");
    }

    @Test
    void pagesAddUpToTheTotal() {
        List<Map<String, Object>> all = fetchAll("sort=name");
        int size = 7;
        long total = all.size();
        List<Object> paged = new ArrayList<>();
        for (int page = 0; page * size < total + size; page++) {
            JsonPath json = given().queryParam("page", page).queryParam("size", size).queryParam("sort", "name")
                    .get(EXERCISES).then().statusCode(200).extract().jsonPath();
            assertThat(json.getLong("total")).isEqualTo(total);
            assertThat(json.getInt("page")).isEqualTo(page);
            assertThat(json.getInt("size")).isEqualTo(size);
            List<Object> items = json.getList("items.id");
            long expectedOnPage = Math.max(0, Math.min(size, total - (long) page * size));
            assertThat(items).hasSize((int) expectedOnPage);
            paged.addAll(items);
        }
        assertThat(paged).isEqualTo(all.stream().map(e -> e.get("id")).toList());
        given().get(EXERCISES).then().statusCode(200).body("size", equalTo(20));
    }

    @Test
    void sortsByNameAndByDifficulty() {
        List<String> names = fetchAll("sort=name").stream().map(e -> (String) e.get("name")).toList();
        assertThat(names).isSortedAccordingTo(Comparator.comparing(name -> name.toLowerCase(Locale.ROOT)));
        List<Integer> difficulties = fetchAll("sort=-difficulty,name").stream()
                .map(e -> (Integer) e.get("difficulty")).toList();
        assertThat(difficulties).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(difficulties.get(0)).isEqualTo(5);
    }

    @Test
    void operatorLikeTextIsSearchedLiterally() {
        for (String text : List.of("$where", ".*", "{\"$ne\": null}", "^", "\\", "$regex")) {
            given().queryParam("q", text).get(EXERCISES).then().statusCode(200).body("total", equalTo(0));
        }
        given().get(EXERCISES + "/$where").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void oneExerciseHasAStrongETagAndAnswers304() {
        var response = given().get(EXERCISES + "/glute-bridge").then().statusCode(200)
                .body("id", equalTo("glute-bridge"))
                .body("phases.phase", org.hamcrest.Matchers.hasItems("STRENGTHENING", "STRETCHING"))
                .extract();
        String etag = response.header("ETag");
        assertThat(etag).matches("\"glute-bridge\\.v\\d+\"");
        given().header("If-None-Match", etag).get(EXERCISES + "/glute-bridge").then().statusCode(304)
                .header("ETag", etag);
        given().header("If-None-Match", "W/" + etag).get(EXERCISES + "/glute-bridge").then().statusCode(304);
        given().header("If-None-Match", "\"glute-bridge.v0\"").get(EXERCISES + "/glute-bridge").then().statusCode(200);
    }

    @Test
    void aListHasAnETagThatChangesWithTheQuery() {
        String etag = given().get(EXERCISES + "?phase=STRETCHING").then().statusCode(200).extract().header("ETag");
        assertThat(etag).startsWith("W/\"");
        given().header("If-None-Match", etag).get(EXERCISES + "?phase=STRETCHING").then().statusCode(304);
        given().header("If-None-Match", etag).get(EXERCISES + "?phase=COOL_DOWN").then().statusCode(200);
    }

    @Test
    void unknownIdIsA404Problem() {
        given().get(EXERCISES + "/no-such-exercise").then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(404));
    }

    @Test
    void phasesAreListedInOrderAndServeTheirExercises() {
        given().get("/api/v1/phases").then().statusCode(200)
                .body("phase", equalTo(List.of("WARM_UP", "STRENGTHENING", "STRETCHING", "LOW_IMPACT_CARDIO",
                        "COOL_DOWN")))
                .body("order", equalTo(List.of(1, 2, 3, 4, 5)))
                .body("find { it.phase == 'COOL_DOWN' }.recommendedMinutes.min", equalTo(5))
                .body("find { it.phase == 'COOL_DOWN' }.recommendedMinutes.max", equalTo(10));
        List<Object> viaPhase = given().queryParam("size", 100).get("/api/v1/phases/cool_down/exercises").then()
                .statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(viaPhase).containsExactlyElementsOf(fetchAll("phase=COOL_DOWN").stream().map(e -> e.get("id"))
                .toList());
        assertThat(viaPhase).contains("childs-pose", "cat-camel", "foam-rolling-back");
        given().get("/api/v1/phases/SIESTA/exercises").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    @SuppressWarnings("unchecked")
    void openApiDocumentsEveryFieldWithAnExample() {
        Map<String, Object> schemas = given().get("/q/openapi?format=json").then().statusCode(200).extract()
                .jsonPath().getMap("components.schemas");
        for (String name : List.of("Exercise", "PhaseDose", "Dose", "Range", "PhaseInfo", "ExercisePage")) {
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) ((Map<String, Object>) schemas
                    .get(name)).get("properties");
            assertThat(properties).as(name).isNotEmpty();
            properties.forEach((field, property) -> {
                assertThat(property).as(name + "." + field + " " + property).containsKey("description");
                // lists of objects and nested objects are documented by their own schema's examples
                if (!List.of("phases", "items", "dose").contains(field)) {
                    assertThat(property.containsKey("examples") || property.containsKey("example"))
                            .as(name + "." + field + " has an example: " + property).isTrue();
                }
            });
        }
        Map<String, Object> exercise = (Map<String, Object>) ((Map<String, Object>) schemas.get("Exercise"))
                .get("properties");
        assertThat(exercise.keySet()).contains("id", "contentVersion", "name", "aliases", "summary", "steps", "phases",
                "targets", "equipment", "position", "floor", "impact", "difficulty", "minLevel", "breathing",
                "cautions", "consultDoctorFirst", "ladder", "version", "deleted", "updatedAt");
    }

    private static List<String> ids(String query) {
        return fetchAll(query).stream().map(e -> (String) e.get("id")).toList();
    }

    /** Every page of a query, in order. */
    static List<Map<String, Object>> fetchAll(String query) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0;; page++) {
            JsonPath json = given().get(EXERCISES + "?size=100&page=" + page + (query.isEmpty() ? "" : "&" + query))
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = json.getList("items");
            all.addAll(items);
            if (items.isEmpty() || all.size() >= json.getLong("total")) {
                return all;
            }
        }
    }

    private static Map<String, List<String>> parse(String query) {
        return Arrays.stream(query.split("&")).map(pair -> pair.split("=", 2)).collect(Collectors.groupingBy(
                pair -> pair[0], Collectors.mapping(pair -> pair[1], Collectors.toList())));
    }

    /** The documented semantics, written independently of the Mongo query. */
    @SuppressWarnings("unchecked")
    private static Predicate<Map<String, Object>> oracle(Map<String, List<String>> params) {
        Predicate<Map<String, Object>> all = e -> true;
        for (var param : params.entrySet()) {
            List<String> values = param.getValue().stream().map(v -> v.toUpperCase(Locale.ROOT)).toList();
            String value = values.get(0);
            Predicate<Map<String, Object>> p = switch (param.getKey()) {
                case "phase" -> e -> ((List<Map<String, Object>>) e.get("phases")).stream()
                        .anyMatch(entry -> entry.get("phase").equals(value));
                case "target" -> e -> ((List<String>) e.get("targets")).contains(value);
                case "equipment" -> e -> Set.copyOf(values).containsAll((List<String>) e.get("equipment"));
                case "position" -> e -> e.get("position").equals(value);
                case "excludePosition" -> e -> !values.contains((String) e.get("position"));
                case "impact" -> e -> e.get("impact").equals(value);
                case "maxDifficulty" -> e -> (Integer) e.get("difficulty") <= Integer.parseInt(value);
                case "level" -> e -> Level.valueOf((String) e.get("minLevel")).ordinal()
                        <= Level.valueOf(value).ordinal();
                case "q" -> {
                    String text = param.getValue().get(0).toLowerCase(Locale.ROOT);
                    yield e -> ((String) e.get("name")).toLowerCase(Locale.ROOT).contains(text)
                            || ((String) e.get("summary")).toLowerCase(Locale.ROOT).contains(text)
                            || ((List<String>) e.get("aliases")).stream()
                                    .anyMatch(alias -> alias.toLowerCase(Locale.ROOT).contains(text));
                }
                default -> throw new IllegalArgumentException(param.getKey());
            };
            all = all.and(p);
        }
        return all;
    }
}
