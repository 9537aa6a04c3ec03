package org.backrelief.planner.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backrelief.planner.testsupport.Api.as;
import static org.backrelief.planner.testsupport.Api.completionPath;
import static org.backrelief.planner.testsupport.Api.newUser;
import static org.backrelief.planner.testsupport.Api.planFor;
import static org.backrelief.planner.testsupport.Api.profile;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.backrelief.common.events.EventTypes;
import org.backrelief.infra.EmbeddedKafka;
import org.backrelief.planner.checkin.CheckInRepository;
import org.backrelief.planner.outbox.OutboxEntry;
import org.backrelief.planner.outbox.OutboxMigration;
import org.backrelief.planner.outbox.OutboxState;
import org.backrelief.planner.testsupport.ActivityTopic;
import org.backrelief.planner.testsupport.Api;
import org.backrelief.planner.testsupport.ActivityTopic.Event;
import org.backrelief.testing.TestInfrastructure;
import org.bson.Document;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Completion and check-in over the real Mongo-protocol server and the real Kafka broker. */
@QuarkusTest
class CompletionFlowTest {

    @Inject
    CompletionRepository completions;

    @Inject
    CheckInRepository checkIns;

    @Inject
    OutboxMigration migration;

    private static final Logger LOG = Logger.getLogger(CompletionFlowTest.class);
    static final Duration EVENT_TIMEOUT = Duration.ofSeconds(20);

    @Test
    void aCompletionPublishesExactlyOneEventEvenWhenRetried() {
        String alice = newUser("alice");
        JsonPath plan = planFor(alice, profile(), Map.of());
        String sessionId = plan.getString("sessions[0].sessionId");
        Map<String, Object> body = completion(alice, sessionId, 2, 2);

        JsonPath first = as(alice).body(body).post(completionPath(sessionId)).then().statusCode(200)
                .body("decision", equalTo("PROGRESS")).extract().jsonPath();
        String retried = as(alice).body(body).post(completionPath(sessionId)).then().statusCode(200).extract().asString();
        assertThat(JsonPath.from(retried).getString("eventId")).isEqualTo(first.getString("eventId"));
        assertThat(JsonPath.from(retried).getMap("$")).isEqualTo(first.getMap("$"));

        try (ActivityTopic topic = new ActivityTopic()) {
            List<Event> events = topic.await(alice, EventTypes.SESSION_COMPLETED_V1, 1, EVENT_TIMEOUT);
            assertThat(events).hasSize(1);
            // several relay sweeps later: still one
            assertThat(topic.poll(alice, EventTypes.SESSION_COMPLETED_V1, Duration.ofSeconds(2))).hasSize(1);

            Event event = events.get(0);
            // the relay runs right after the write: the event leaves within moments of the completion
            long lagMillis = event.timestamp() - Instant.parse(event.value().path("time").asText()).toEpochMilli();
            LOG.infof("Completion to Kafka send: %d ms", lagMillis);
            assertThat(lagMillis).isBetween(0L, 2000L);
            assertThat(event.key()).isEqualTo(alice);
            JsonNode ce = event.value();
            assertThat(ce.path("specversion").asText()).isEqualTo("1.0");
            assertThat(ce.path("id").asText()).isEqualTo(first.getString("eventId"));
            assertThat(ce.path("subject").asText()).isEqualTo(alice);
            assertThat(ce.path("time").asText()).isNotBlank();
            JsonNode data = ce.path("data");
            assertThat(data.path("schemaVersion").asInt()).isEqualTo(1);
            assertThat(data.path("userId").asText()).isEqualTo(alice);
            assertThat(data.path("sessionId").asText()).isEqualTo(sessionId);
            assertThat(data.path("planId").asText()).isEqualTo(plan.getString("planId"));
            assertThat(data.path("zoneId").asText()).isEqualTo("Europe/Berlin");
            assertThat(data.path("scheduledDate").asText())
                    .isEqualTo(LocalDate.now(ZoneId.of("Europe/Berlin")).toString());
            assertThat(data.path("weekNumber").asInt()).isEqualTo(1);
            assertThat(data.path("sessionsScheduledThisWeek").asInt()).isEqualTo(3);
            assertThat(data.path("sessionsPerWeek").asInt()).isEqualTo(3);
            assertThat(data.path("painBefore").asInt()).isEqualTo(2);
            assertThat(data.path("painAfter").asInt()).isEqualTo(2);
            assertThat(data.path("durationSeconds").asInt()).isPositive();
            assertThat(data.path("exercises")).hasSize(((List<?>) body.get("exercises")).size());
            assertThat(data.path("exercises").get(0).path("status").asText()).isEqualTo("DONE");
        }
        as(alice).get("/api/v1/me/sessions/" + sessionId).then().statusCode(200).body("status", equalTo("COMPLETED"));
        // the same session with other results is not a retry
        as(alice).body(completion(alice, sessionId, 2, 4)).post(completionPath(sessionId)).then().statusCode(409);
    }

    @Test
    void badCompletionsAre400sThatWriteNothing() {
        String bob = newUser("bob");
        JsonPath plan = planFor(bob, profile(), Map.of());
        String today = plan.getString("sessions[0].sessionId");
        String future = plan.getString("sessions[1].sessionId");
        Map<String, Object> valid = completion(bob, today, 3, 2);

        rejected(bob, today, with(valid, "painAfter", 11), "painAfter");
        rejected(bob, today, with(valid, "exertion", -1), "exertion");
        rejected(bob, today, withResult(valid, "reps", -5), "exercises[0].reps");
        rejected(bob, today, withResult(valid, "exerciseId", "moonwalk"), "exercises[0].exerciseId");
        rejected(bob, today, withResult(valid, "status", "SKIPPED"), "exercises[0].skipReason");
        // results of another session: an exercise this session does not have
        List<String> later = plan.getList("sessions.sessionId", String.class);
        rejected(bob, today, withResult(valid, "exerciseId", exerciseNotIn(bob, today, later.subList(1, later.size()))),
                "exercises[0].exerciseId");
        rejected(bob, today, with(valid, "painBefore", Map.of("$gt", 0)), "painBefore");
        rejected(bob, future, completion(bob, future, 2, 2), "sessionId");
        as(bob).body("{\"painBefore\": 2, ").post(completionPath(today)).then().statusCode(400);

        // nothing was stored: the session is still open and the valid request is the first to count
        as(bob).get("/api/v1/me/sessions/" + today).then().statusCode(200).body("status", equalTo("SCHEDULED"));
        as(bob).body(valid).post(completionPath(today)).then().statusCode(200);
        try (ActivityTopic topic = new ActivityTopic()) {
            assertThat(topic.await(bob, EventTypes.SESSION_COMPLETED_V1, 1, EVENT_TIMEOUT)).hasSize(1);
        }
    }

    @Test
    void anExpiredSessionCannotBeCompleted() {
        String erin = newUser("erin");
        LocalDate start = LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(10);
        JsonPath plan = planFor(erin, profile(), Map.of("startDate", start.toString()));
        String expired = plan.getString("sessions[0].sessionId");
        as(erin).body(completion(erin, expired, 2, 2)).post(completionPath(expired)).then().statusCode(400)
                .body("violations.field", hasItem("sessionId"))
                .body("detail", containsString("expired"));
        as(erin).get("/api/v1/me/sessions/next").then().statusCode(200)
                .body("scheduledDate", org.hamcrest.Matchers.not(equalTo(start.toString())));
    }

    @Test
    void whileKafkaIsDownTheCompletionIsKeptAndPublishedWhenItIsBack() {
        Assumptions.assumeTrue(TestInfrastructure.get().embeddedKafka().isPresent(), "needs the embedded broker");
        EmbeddedKafka kafka = TestInfrastructure.get().embeddedKafka().orElseThrow();
        String frank = newUser("frank");
        JsonPath plan = planFor(frank, profile(), Map.of());
        String sessionId = plan.getString("sessions[0].sessionId");
        Map<String, Object> body = completion(frank, sessionId, 2, 2);

        kafka.stop();
        try {
            as(frank).body(body).post(completionPath(sessionId)).then().statusCode(200);
            as(frank).get("/api/v1/me/sessions/" + sessionId).then().statusCode(200)
                    .body("status", equalTo("COMPLETED"));
        } finally {
            kafka.start();
        }
        try (ActivityTopic topic = new ActivityTopic()) {
            assertThat(topic.await(frank, EventTypes.SESSION_COMPLETED_V1, 1, Duration.ofSeconds(60))).hasSize(1);
        }
    }

    @Test
    void painOfSevenAfterASessionStepsThePlanBackVisiblyAndCheckInsArePublished() {
        String gina = newUser("gina");
        JsonPath plan = planFor(gina, profile(), Map.of("startDate",
                LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(7).toString()));
        // week 2 (step 1) starts today
        String sessionId = plan.getString("sessions[3].sessionId");
        as(gina).body(completion(gina, sessionId, 3, 7)).post(completionPath(sessionId)).then().statusCode(200)
                .body("decision", equalTo("STEP_BACK"))
                .body("fromStep", equalTo(2))
                .body("toStep", equalTo(0));

        JsonPath current = as(gina).get("/api/v1/me/plans/current").then().statusCode(200).extract().jsonPath();
        assertThat(current.getList("adjustments.decision")).containsExactly("STEP_BACK");
        assertThat(current.getString("adjustments[0].reason")).contains("7/10");
        assertThat(current.getList("sessions.findAll { it.weekNumber == 3 }.step", Integer.class))
                .containsOnly(0);
        // pain 7 is also high enough for a gentle next session, and a jump of 4 since the screen asks it again
        as(gina).get("/api/v1/me/sessions/next").then().statusCode(200)
                .body("today.blocked.reason", equalTo("RED_FLAG_RECHECK"));

        String checkIn = as(gina).body(Map.of("pain", 6, "note", "sore")).post("/api/v1/me/checkins").then()
                .statusCode(201).body("sessionId", equalTo(sessionId)).body("decision", equalTo("STEP_BACK"))
                .extract().jsonPath().getString("checkInId");
        as(gina).body(Map.of("pain", 11)).post("/api/v1/me/checkins").then().statusCode(400)
                .body("violations.field", hasItem("pain"));
        try (ActivityTopic topic = new ActivityTopic()) {
            List<Event> checkIns = topic.await(gina, EventTypes.PAIN_CHECKIN_V1, 1, EVENT_TIMEOUT);
            assertThat(checkIns).hasSize(1);
            assertThat(checkIns.get(0).value().path("data").path("checkInId").asText()).isEqualTo(checkIn);
            assertThat(checkIns.get(0).value().path("data").path("pain").asInt()).isEqualTo(6);
        }
        assertThat(as(gina).get("/api/v1/me/plans/current").then().extract().jsonPath()
                .getList("adjustments.trigger")).containsExactly("COMPLETION", "CHECK_IN");
    }

    @Test
    void aCheckInSentLaterKeepsTheTimeItWasAnsweredAndOutOfRangeTimesAre400sNamingTheField() {
        String hana = newUser("hana");
        String sessionId = planFor(hana, profile(), Map.of()).getString("sessions[0].sessionId");
        as(hana).body(completion(hana, sessionId, 3, 3)).post(completionPath(sessionId)).then().statusCode(200);

        Instant answered = Instant.now().minus(Duration.ofHours(14)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String checkIn = as(hana).body(Map.of("pain", 2, "sessionId", sessionId, "answeredAt", answered.toString()))
                .post("/api/v1/me/checkins").then().statusCode(201)
                .body("recordedAt", equalTo(answered.toString())).body("sessionId", equalTo(sessionId))
                .extract().jsonPath().getString("checkInId");
        for (String bad : List.of(Instant.now().plus(Duration.ofHours(1)).toString(),
                Instant.now().minus(Duration.ofDays(8)).toString(), "yesterday")) {
            as(hana).body(Map.of("pain", 2, "answeredAt", bad)).post("/api/v1/me/checkins").then().statusCode(400)
                    .contentType(containsString("application/problem+json"))
                    .body("violations.field", hasItem("answeredAt"));
        }
        try (ActivityTopic topic = new ActivityTopic()) {
            List<Event> events = topic.await(hana, EventTypes.PAIN_CHECKIN_V1, 1, EVENT_TIMEOUT);
            assertThat(events).hasSize(1);
            assertThat(events.get(0).value().path("data").path("checkInId").asText()).isEqualTo(checkIn);
            assertThat(Instant.parse(events.get(0).value().path("data").path("recordedAt").asText()))
                    .isEqualTo(answered);
        }
    }

    @Test
    void manyCompletionsAtOnceArePublishedOnceEachAndMarkedPublished() throws Exception {
        int count = 12;
        List<String> users = new ArrayList<>();
        List<String> sessionIds = new ArrayList<>();
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String user = newUser("burst" + i);
            String sessionId = planFor(user, profile(), Map.of()).getString("sessions[0].sessionId");
            users.add(user);
            sessionIds.add(sessionId);
            bodies.add(completion(user, sessionId, 2, 2));
        }
        // all at once: the relay's runs collapse, so several records go out in one batch
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(count);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                answers.add(pool.submit(() -> as(users.get(n)).body(bodies.get(n)).post(completionPath(sessionIds.get(n)))
                        .then().extract().statusCode()));
            }
            for (java.util.concurrent.Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        try (ActivityTopic topic = new ActivityTopic()) {
            for (String user : users) {
                assertThat(topic.await(user, EventTypes.SESSION_COMPLETED_V1, 1, EVENT_TIMEOUT)).hasSize(1);
            }
            // later runs and sweeps send nothing again: every record was marked published
            for (String user : users) {
                assertThat(topic.poll(user, EventTypes.SESSION_COMPLETED_V1, Duration.ofMillis(300))).hasSize(1);
            }
        }
        for (String sessionId : sessionIds) {
            Awaitility.await().atMost(EVENT_TIMEOUT).untilAsserted(
                    () -> assertThat(completions.findById(sessionId).outbox.state).isEqualTo(OutboxState.PUBLISHED));
        }
    }

    @Test
    void aCheckInStoredInTheOldShapeIsConvertedAndItsPendingEventPublished() {
        String olga = newUser("olga");
        String id = "old-" + olga;
        String eventId = "old-event-" + olga;
        Instant at = Instant.parse("2026-12-01T08:00:00Z");
        Document data = new Document("schemaVersion", 1).append("userId", olga).append("checkInId", id)
                .append("pain", 3).append("recordedAt", at.toString()).append("zoneId", "UTC");
        // as check-ins were stored before issue 17: the outbox state spread over top-level fields
        checkIns.mongoCollection().withDocumentClass(Document.class).insertOne(new Document("_id", id)
                .append("userId", olga).append("eventId", eventId).append("createdAt", java.util.Date.from(at))
                .append("data", data).append("published", false).append("attempts", 2).append("adapted", true));

        assertThat(migration.migrate()).isEqualTo(1);
        assertThat(migration.migrate()).as("converted once").isZero();
        OutboxEntry entry = checkIns.findById(id).outbox;
        assertThat(entry.eventId).isEqualTo(eventId);
        assertThat(entry.eventType).isEqualTo(EventTypes.PAIN_CHECKIN_V1);
        assertThat(entry.attempts).isEqualTo(2);
        assertThat(entry.occurredAt).isEqualTo(at);
        try (ActivityTopic topic = new ActivityTopic()) {
            List<Event> events = topic.await(olga, EventTypes.PAIN_CHECKIN_V1, 1, EVENT_TIMEOUT);
            assertThat(events).hasSize(1);
            assertThat(events.get(0).value().path("id").asText()).isEqualTo(eventId);
            assertThat(events.get(0).value().path("data").path("pain").asInt()).isEqualTo(3);
        }
        Awaitility.await().atMost(EVENT_TIMEOUT).untilAsserted(
                () -> assertThat(checkIns.findById(id).outbox.state).isEqualTo(OutboxState.PUBLISHED));
    }

    @Test
    void aHoldRebuildsTheComingWeeksAndAProgressLeavesThemAsScheduled() {
        String hank = newUser("hank");
        // week 2's first two sessions are due: 2 days ago and today
        JsonPath plan = planFor(hank, profile(), Map.of("startDate",
                LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(9).toString()));
        List<Integer> stepsBefore = plan.getList("sessions.step", Integer.class);
        // pain 2 after the first: progress as scheduled, nothing moves
        String progressed = plan.getString("sessions[3].sessionId");
        as(hank).body(completion(hank, progressed, 2, 2)).post(completionPath(progressed)).then().statusCode(200)
                .body("decision", equalTo("PROGRESS"));
        JsonPath afterProgress = as(hank).get("/api/v1/me/plans/current").then().statusCode(200).extract().jsonPath();
        assertThat(afterProgress.getList("sessions.step", Integer.class)).isEqualTo(stepsBefore);
        assertThat(afterProgress.getList("adjustments.decision")).containsExactly("PROGRESS");

        // pain 4 after the next one: hold, so week 3 stays at week 2's step instead of stepping up
        String held = plan.getString("sessions[4].sessionId");
        int weekTwoStep = plan.getInt("sessions[4].step");
        assertThat(plan.getList("sessions.findAll { it.weekNumber == 3 }.step", Integer.class))
                .doesNotContain(weekTwoStep);
        as(hank).body(completion(hank, held, 2, 4)).post(completionPath(held)).then().statusCode(200)
                .body("decision", equalTo("HOLD"));
        JsonPath afterHold = as(hank).get("/api/v1/me/plans/current").then().statusCode(200).extract().jsonPath();
        assertThat(afterHold.getList("adjustments.decision")).containsExactly("PROGRESS", "HOLD");
        assertThat(afterHold.getList("sessions.findAll { it.weekNumber == 3 }.step", Integer.class))
                .containsOnly(weekTwoStep);
    }

    @Test
    void aBarelyDoneSessionOrASkipForPainHoldsAndTheFieldsSayWhichStepsAreMeant() {
        String ivy = newUser("ivy");
        // week 2's first two sessions are due: 2 days ago and today; their step is 1
        JsonPath plan = planFor(ivy, profile(), Map.of("startDate",
                LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(9).toString()));
        String barely = plan.getString("sessions[3].sessionId");
        int sessionStep = plan.getInt("sessions[3].step");
        // issue 14: 1 of N exercises done with pain 2 used to answer "PROGRESS: progressing as scheduled"
        Map<String, Object> all = completion(ivy, barely, 2, 2);
        List<Map<String, Object>> results = (List<Map<String, Object>>) all.get("exercises");
        int total = results.size();
        List<Map<String, Object>> oneDone = new ArrayList<>();
        oneDone.add(results.get(0));
        for (int i = 1; i < total; i++) {
            Map<String, Object> skipped = new HashMap<>(results.get(i));
            skipped.put("status", "SKIPPED");
            skipped.put("skipReason", "no time");
            skipped.put("skipCause", "NO_TIME");
            oneDone.add(skipped);
        }
        as(ivy).body(with(all, "exercises", oneDone)).post(completionPath(barely)).then().statusCode(200)
                .body("decision", equalTo("HOLD"))
                .body("reason", org.hamcrest.Matchers.containsString("1 of " + total))
                .body("exercisesDone", equalTo(1))
                .body("exercisesInSession", equalTo(total))
                .body("skippedForPain", equalTo(0))
                .body("sessionWeek", equalTo(2))
                .body("sessionStep", equalTo(sessionStep))
                .body("nextWeek", equalTo(3))
                .body("nextWeekStepBefore", equalTo(sessionStep + 1))
                .body("nextWeekStepAfter", equalTo(sessionStep))
                // the deprecated names keep their values
                .body("fromStep", equalTo(sessionStep + 1))
                .body("toStep", equalTo(sessionStep));

        // everything done but one exercise skipped because it hurt (free text only, as older clients send it)
        String hurt = plan.getString("sessions[4].sessionId");
        Map<String, Object> body = completion(ivy, hurt, 2, 2);
        as(ivy).body(withResult(withResult(body, "status", "SKIPPED"), "skipReason", "my back hurt")).post(completionPath(hurt))
                .then().statusCode(200)
                .body("decision", equalTo("HOLD"))
                .body("skippedForPain", equalTo(1))
                .body("reason", org.hamcrest.Matchers.containsString("because of pain"));
        JsonPath after = as(ivy).get("/api/v1/me/plans/current").then().statusCode(200).extract().jsonPath();
        assertThat(after.getList("adjustments.decision")).containsExactly("HOLD", "HOLD");
        int hurtTotal = ((List<?>) body.get("exercises")).size();
        assertThat(after.getList("adjustments.exercisesDone", Integer.class)).containsExactly(1, hurtTotal - 1);
        assertThat(after.getList("adjustments.sessionStep", Integer.class)).containsExactly(sessionStep, sessionStep);
    }

    @Test
    void aFirstCompletionSaysTheSessionWasAtStepZeroAndNextWeekIsAtStepOne() {
        String jo = newUser("jo");
        JsonPath plan = planFor(jo, profile(), Map.of());
        String first = plan.getString("sessions[0].sessionId");
        as(jo).body(completion(jo, first, 2, 2)).post(completionPath(first)).then().statusCode(200)
                .body("decision", equalTo("PROGRESS"))
                .body("sessionStep", equalTo(0))
                .body("nextWeek", equalTo(2))
                .body("nextWeekStepBefore", equalTo(1))
                .body("nextWeekStepAfter", equalTo(1));
    }


    static Map<String, Object> completion(String user, String sessionId, int painBefore, int painAfter) {
        return Api.completion(user, sessionId, painBefore, painAfter);
    }

    static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> withResult(Map<String, Object> body, String key, Object value) {
        List<Map<String, Object>> results = new ArrayList<>((List<Map<String, Object>>) body.get("exercises"));
        Map<String, Object> first = new HashMap<>(results.get(0));
        first.put(key, value);
        if (key.equals("exerciseId")) {
            first.remove("phase");
        }
        results.set(0, first);
        return with(body, "exercises", results);
    }

    /**
     * An exercise of one of {@code laterSessionIds} that {@code sessionId} does not have. Two sessions in a row may
     * well hold the same exercises (same phase, same day type), so the later sessions are searched in order.
     */
    static String exerciseNotIn(String user, String sessionId, List<String> laterSessionIds) {
        List<String> own = exercisesOf(user, sessionId);
        for (String other : laterSessionIds) {
            Optional<String> missing = exercisesOf(user, other).stream().filter(id -> !own.contains(id)).findFirst();
            if (missing.isPresent()) {
                return missing.get();
            }
        }
        throw new AssertionError("every later session holds only exercises of session " + sessionId + ": " + own);
    }

    private static List<String> exercisesOf(String user, String sessionId) {
        return as(user).get("/api/v1/me/sessions/" + sessionId).then().extract().jsonPath()
                .getList("today.routine.phases.exercises.flatten().exerciseId", String.class);
    }

    static void rejected(String user, String sessionId, Map<String, Object> body, String field) {
        as(user).body(body).post(completionPath(sessionId)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(field));
    }
}
