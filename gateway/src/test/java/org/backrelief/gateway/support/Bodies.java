package org.backrelief.gateway.support;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Request bodies as a front-end sends them (the planner's contract). */
public final class Bodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Bodies() {
    }

    /** Every red-flag question answered "no". */
    public static final String NO_RED_FLAGS = """
            {"saddleNumbness":false,"newBladderOrBowelProblems":false,"progressiveLegWeaknessOrNumbness":false,
             "historyOfCancer":false,"unexplainedWeightLoss":false,"fever":false,"recentSignificantTrauma":false,
             "nightOrRestPain":false,"clearedByClinician":false}""";

    /** A beginner with a mat and a chair, 30 minutes three times a week, mild pain, no red flags. */
    public static String profile() {
        return """
                {"level":"BEGINNER","minutesPerSession":30,"sessionsPerWeek":3,"equipment":["MAT","CHAIR"],
                 "avoidPositions":[],"preferences":["WALKING"],"currentPain":3,"redFlags":%s,"zoneId":"UTC"}"""
                .formatted(NO_RED_FLAGS);
    }

    /** The same person asking for a routine before signing up (the profile's fields plus the rotation day). */
    public static String preview() {
        String profile = profile().strip();
        return profile.substring(0, profile.length() - 1) + ",\"day\":0}";
    }

    public static String newPlan() {
        return "{\"weeks\":6}";
    }

    public static String checkIn(int pain, String sessionId) {
        return "{\"pain\":" + pain + (sessionId == null ? "" : ",\"sessionId\":\"" + sessionId + "\"") + "}";
    }

    /** "I did everything as prescribed": a result for every exercise of the session's routine. */
    public static String completion(JsonNode session) {
        return completion(session, 2);
    }

    public static String completion(JsonNode session, int painAfter) {
        ObjectNode body = JSON.createObjectNode();
        body.put("painBefore", 3).put("painAfter", painAfter).put("exertion", 5).put("notes", "Felt good");
        ArrayNode results = body.putArray("exercises");
        for (JsonNode phase : session.path("today").path("routine").path("phases")) {
            for (JsonNode exercise : phase.path("exercises")) {
                ObjectNode result = results.addObject();
                result.put("exerciseId", exercise.path("exerciseId").asText());
                result.put("phase", phase.path("phase").asText());
                result.put("status", "DONE");
                JsonNode prescription = exercise.path("prescription");
                for (String field : List.of("sets", "reps", "holdSeconds", "minutes")) {
                    if (prescription.path(field).isNumber()) {
                        result.put(field, prescription.path(field).asInt());
                    }
                }
            }
        }
        return body.toString();
    }

    /** The exercise ids of a session's routine. */
    public static List<String> exerciseIds(JsonNode session) {
        return session.path("today").path("routine").path("phases").findValuesAsText("exerciseId");
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static JsonNode json(Map<String, ?> map) {
        return JSON.valueToTree(map);
    }
}
