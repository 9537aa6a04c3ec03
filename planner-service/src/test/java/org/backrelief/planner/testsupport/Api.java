package org.backrelief.planner.testsupport;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.backrelief.testing.TestInfrastructure;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests as a given person, and the bodies the tests send. */
public final class Api {

    static {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private Api() {
    }

    /** A fresh person per test: tests share one app and one database, never their data. */
    public static String newUser(String name) {
        return name + "-" + UUID.randomUUID();
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(TestInfrastructure.get().token(user, "user")).contentType(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    /** A beginner with a mat, 30 minutes three times a week, pain 2, no red flags, in Berlin. */
    public static Map<String, Object> profile() {
        Map<String, Object> profile = new HashMap<>();
        profile.put("level", "BEGINNER");
        profile.put("minutesPerSession", 30);
        profile.put("sessionsPerWeek", 3);
        profile.put("equipment", List.of("MAT"));
        profile.put("avoidPositions", List.of());
        profile.put("preferences", List.of("WALKING"));
        profile.put("currentPain", 2);
        profile.put("redFlags", new HashMap<>(Map.of("fever", false)));
        profile.put("zoneId", "Europe/Berlin");
        return profile;
    }

    public static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    /** Saves a profile and creates a plan; returns the plan's JSON path root as a map-friendly response. */
    public static io.restassured.path.json.JsonPath planFor(String user, Map<String, Object> profile,
            Map<String, Object> planRequest) {
        as(user).body(profile).put("/api/v1/me/profile").then().statusCode(200);
        return as(user).body(planRequest).post("/api/v1/me/plans").then().statusCode(201).extract().jsonPath();
    }

    /** Where a session's completion is posted. */
    public static String completionPath(String sessionId) {
        return "/api/v1/me/sessions/" + sessionId + "/completion";
    }

    /** A completion body: every exercise of the session done as prescribed. */
    public static Map<String, Object> completion(String user, String sessionId, int painBefore, int painAfter) {
        io.restassured.path.json.JsonPath session = as(user).get("/api/v1/me/sessions/" + sessionId).then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> results = new java.util.ArrayList<>();
        for (Map<String, Object> phase : session.<Map<String, Object>>getList("today.routine.phases")) {
            for (Object e : (List<?>) phase.get("exercises")) {
                Map<?, ?> exercise = (Map<?, ?>) e;
                Map<String, Object> result = new HashMap<>();
                result.put("exerciseId", exercise.get("exerciseId"));
                result.put("phase", phase.get("phase"));
                result.put("status", "DONE");
                results.add(result);
            }
        }
        Map<String, Object> body = new HashMap<>();
        body.put("painBefore", painBefore);
        body.put("painAfter", painAfter);
        body.put("exertion", 5);
        body.put("notes", "fine");
        body.put("exercises", results);
        return body;
    }
}
