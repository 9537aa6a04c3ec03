package org.backrelief.tracking.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.backrelief.common.domain.Phase;
import org.backrelief.common.events.CloudEvent;
import org.backrelief.common.events.EventTypes;
import org.backrelief.common.events.PainCheckInV1;
import org.backrelief.common.events.SessionCompletedV1;
import org.backrelief.common.events.SessionCompletedV1.ExerciseResult;
import org.backrelief.common.events.SessionCompletedV1.Status;
import org.backrelief.tracking.facts.CheckInFact;
import org.backrelief.tracking.facts.SessionFact;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Readable builders for the events the planner publishes, as data records, facts or CloudEvent JSON. */
public final class Activity {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    public static final String SOURCE = "/backrelief/planner-service";

    private Activity() {
    }

    public static Session session(String userId, String sessionId) {
        return new Session(userId, sessionId);
    }

    /** A completed session at {@code completedAt} (ISO instant) in {@code zone}. */
    public static Session session(String userId, String sessionId, String completedAt, String zone) {
        return new Session(userId, sessionId).at(completedAt).zone(zone);
    }

    public static ExerciseResult done(String exerciseId, Phase phase, Integer sets, Integer reps, Integer holdSeconds,
            int durationSeconds) {
        return new ExerciseResult(exerciseId, phase, Status.DONE, null, sets, reps, holdSeconds, durationSeconds);
    }

    public static ExerciseResult skipped(String exerciseId, Phase phase, String reason) {
        return new ExerciseResult(exerciseId, phase, Status.SKIPPED, reason, null, null, null, 0);
    }

    public static PainCheckInV1 checkIn(String userId, String checkInId, int pain, String recordedAt, String zone) {
        return new PainCheckInV1(1, userId, checkInId, null, pain, Instant.parse(recordedAt), zone, null);
    }

    public static CheckInFact checkInFact(String userId, String checkInId, int pain, String recordedAt, String zone) {
        return CheckInFact.of("evt-" + checkInId, checkIn(userId, checkInId, pain, recordedAt, zone));
    }

    public static String cloudEvent(String eventId, String type, String subject, Object data) {
        try {
            return JSON.writeValueAsString(
                    CloudEvent.of(eventId, SOURCE, type, subject, Instant.parse("2024-03-01T00:00:00Z"), data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String checkInEvent(String eventId, PainCheckInV1 data) {
        return cloudEvent(eventId, EventTypes.PAIN_CHECKIN_V1, data.userId(), data);
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** A session-completed event with sensible defaults: 25 minutes, pain 4 → 3, no plan schedule. */
    public static final class Session {
        private final String userId;
        private final String sessionId;
        private String planId;
        private LocalDate scheduledDate;
        private Instant completedAt = Instant.parse("2024-03-04T08:00:00Z");
        private String zoneId = "UTC";
        private Integer weekNumber;
        private Integer scheduledThisWeek;
        private Integer perWeek;
        private int painBefore = 4;
        private int painAfter = 3;
        private int exertion = 5;
        private int durationSeconds = 1500;
        private String notes;
        private final List<ExerciseResult> exercises = new ArrayList<>();

        private Session(String userId, String sessionId) {
            this.userId = userId;
            this.sessionId = sessionId;
        }

        public Session at(String instant) {
            completedAt = Instant.parse(instant);
            return this;
        }

        public Session at(Instant instant) {
            completedAt = instant;
            return this;
        }

        public Session zone(String zone) {
            zoneId = zone;
            return this;
        }

        public Session pain(int before, int after) {
            painBefore = before;
            painAfter = after;
            return this;
        }

        public Session exertion(int value) {
            exertion = value;
            return this;
        }

        public Session minutes(int minutes) {
            durationSeconds = minutes * 60;
            return this;
        }

        public Session seconds(int seconds) {
            durationSeconds = seconds;
            return this;
        }

        public Session notes(String text) {
            notes = text;
            return this;
        }

        public Session perWeek(int sessionsPerWeek) {
            perWeek = sessionsPerWeek;
            return this;
        }

        /** The plan's schedule: program week {@code week} of {@code plan} has {@code scheduled} sessions. */
        public Session plan(String plan, int week, int scheduled) {
            planId = plan;
            weekNumber = week;
            scheduledThisWeek = scheduled;
            return this;
        }

        public Session exercise(ExerciseResult result) {
            exercises.add(result);
            return this;
        }

        public SessionCompletedV1 data() {
            return new SessionCompletedV1(1, userId, sessionId, planId, scheduledDate, completedAt, zoneId, weekNumber,
                    scheduledThisWeek, perWeek, painBefore, painAfter, exertion, durationSeconds, notes,
                    List.copyOf(exercises));
        }

        public SessionFact fact() {
            return SessionFact.of("evt-" + sessionId, data());
        }

        public String json(String eventId) {
            return cloudEvent(eventId, EventTypes.SESSION_COMPLETED_V1, userId, data());
        }
    }
}
