package org.backrelief.bench.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The planner's request bodies and the few response fields the benchmark reads. The one place to change when the
 * planner's DTOs change (strict JSON: an unknown field is a 400).
 */
public final class PlannerApi {

    public static final String PROFILE = "/api/v1/me/profile";
    public static final String PLANS = "/api/v1/me/plans";
    public static final String NEXT_SESSION = "/api/v1/me/sessions/next";
    public static final String PREVIEW = "/api/v1/routines/preview";

    private static final String[] LEVELS = { "BEGINNER", "INTERMEDIATE", "ADVANCED" };
    private static final int[] MINUTES = { 20, 30, 45, 60 };
    private static final List<List<String>> EQUIPMENT = List.of(List.of(), List.of("MAT"), List.of("MAT", "CHAIR"),
            List.of("MAT", "FOAM_ROLLER", "STATIONARY_BIKE"), List.of("MAT", "TREADMILL", "POOL"));
    private static final List<List<String>> AVOID = List.of(List.of(), List.of(), List.of("PRONE"), List.of("FLOOR"),
            List.of("KNEELING"));
    private static final List<List<String>> PREFERENCES = List.of(List.of(), List.of("YOGA"), List.of("WALKING"),
            List.of("CYCLING", "POOL"), List.of("TAI_CHI"));

    private PlannerApi() {
    }

    public static String completionPath(String sessionId) {
        return "/api/v1/me/sessions/" + sessionId + "/completion";
    }

    /** A varied but safe profile (no red flags, pain below 7): variant picks level, time, equipment, avoidances. */
    public static Map<String, Object> profile(int variant) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("level", LEVELS[variant % LEVELS.length]);
        profile.put("minutesPerSession", MINUTES[(variant / 3) % MINUTES.length]);
        profile.put("sessionsPerWeek", 3 + variant % 3);
        profile.put("equipment", EQUIPMENT.get((variant / 2) % EQUIPMENT.size()));
        profile.put("avoidPositions", AVOID.get((variant / 5) % AVOID.size()));
        profile.put("preferences", PREFERENCES.get((variant / 7) % PREFERENCES.size()));
        profile.put("currentPain", (variant * 7) % 6);
        profile.put("zoneId", "UTC");
        return profile;
    }

    /** PUT profile body: the profile with a red-flag screen answered "no" throughout. */
    public static String profileJson(int variant) {
        Map<String, Object> body = profile(variant);
        body.put("redFlags", noRedFlags());
        return write(body);
    }

    /**
     * Preview body: the profile fields with the same "no" screen (the preview requires the screening answers like a
     * profile does) plus a rotation day, so consecutive requests compose different days.
     */
    public static String previewJson(int variant) {
        Map<String, Object> body = profile(variant);
        body.put("redFlags", noRedFlags());
        body.put("day", variant % 28);
        return write(body);
    }

    private static Map<String, Object> noRedFlags() {
        Map<String, Object> screen = new LinkedHashMap<>();
        for (String flag : List.of("saddleNumbness", "newBladderOrBowelProblems", "progressiveLegWeaknessOrNumbness",
                "historyOfCancer", "unexplainedWeightLoss", "fever", "recentSignificantTrauma", "nightOrRestPain",
                "clearedByClinician")) {
            screen.put(flag, false);
        }
        return screen;
    }

    /** Program creation body: the defaults (6 weeks, starting today, so the first session can be completed now). */
    public static String planJson() {
        return "{}";
    }

    /** The session id of a "next session" answer. */
    public static String sessionId(String nextSessionBody) {
        JsonNode node = Json.parse(nextSessionBody);
        String id = node.path("sessionId").asText(null);
        if (id == null) {
            id = node.path("id").asText(null);
        }
        if (id == null) {
            id = Json.findText(node, "sessionId");
        }
        return id;
    }

    /**
     * A completion of the session's routine ({@code today.routine.phases[].exercises[]}): every exercise done as
     * prescribed but the last, skipped; pain 3 → 2.
     */
    public static String completionJson(String nextSessionBody) {
        JsonNode routine = Json.parse(nextSessionBody).path("today").path("routine");
        List<Map<String, Object>> results = new ArrayList<>();
        for (JsonNode phase : routine.path("phases")) {
            for (JsonNode exercise : phase.path("exercises")) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("exerciseId", exercise.path("exerciseId").asText());
                result.put("phase", phase.path("phase").asText());
                result.put("status", "DONE");
                JsonNode prescription = exercise.path("prescription");
                for (String field : List.of("sets", "reps", "holdSeconds", "minutes")) {
                    if (prescription.path(field).isInt()) {
                        result.put(field, prescription.path(field).asInt());
                    }
                }
                results.add(result);
            }
        }
        if (results.isEmpty()) {
            throw new IllegalStateException("the next session has no exercises: " + nextSessionBody);
        }
        Map<String, Object> last = results.get(results.size() - 1);
        last.keySet().retainAll(List.of("exerciseId", "phase"));
        last.put("status", "SKIPPED");
        last.put("skipReason", "ran out of time");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("painBefore", 3);
        body.put("painAfter", 2);
        body.put("exertion", 5);
        body.put("notes", "benchmark session");
        body.put("exercises", results);
        return write(body);
    }

    private static String write(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
