package org.backrelief.bench.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.backrelief.common.domain.Phase;
import org.backrelief.common.events.CloudEvent;
import org.backrelief.common.events.EventTypes;
import org.backrelief.common.events.SessionCompletedV1;
import org.backrelief.common.events.SessionCompletedV1.ExerciseResult;
import org.backrelief.common.events.SessionCompletedV1.Status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Realistic session-completed CloudEvents, as the planner publishes them: ten exercises over the five phases, pain
 * before and after, a time zone per user, sessions spread over past days. Deterministic per (user, sequence), so a
 * repetition publishes the same payloads and the bare MongoDB loop writes the same documents.
 */
public final class EventFactory {

    /** The planner's serialization: ISO dates, no nulls (see commons' StrictJsonCustomizer). */
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    public static final String SOURCE = "/backrelief/bench";

    private static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC",
            "Australia/Sydney", "America/Los_Angeles", "Europe/London");
    private static final List<String> SKIP_REASONS = List.of("pain", "no time", "too hard", "no equipment today");
    private static final List<String> NOTES = List.of("Felt good today.", "Lower back a bit stiff in the morning.",
            "Easier than last week.", "Had to stop the plank early.");
    /** Exercises per phase in one session: ten in all, the planner's typical 30-minute routine. */
    private static final int[] PER_PHASE = { 2, 4, 2, 1, 1 };

    private final ExerciseCatalog catalog;
    private final Instant epoch;

    /**
     * @param epoch "now" of the data set: a user's last historic session is the day before it
     */
    public EventFactory(ExerciseCatalog catalog, Instant epoch) {
        this.catalog = catalog;
        this.epoch = epoch.truncatedTo(ChronoUnit.SECONDS);
    }

    public static String sessionId(String userId, int sequence) {
        return "s-" + userId + "-" + sequence;
    }

    /** Event id: stable for (user, sequence), so a replay is a duplicate, as a redelivery would be. */
    public static String eventId(String userId, int sequence) {
        return UUID.nameUUIDFromBytes((userId + "#" + sequence).getBytes()).toString();
    }

    /**
     * The {@code sequence}-th of {@code historyLength} sessions of {@code userId}; session k is completed
     * {@code historyLength - k} days before the epoch (every day, newest last).
     */
    public CloudEvent<SessionCompletedV1> historic(String userId, int sequence, int historyLength) {
        Instant completedAt = epoch.minus(historyLength - sequence, ChronoUnit.DAYS)
                .plusSeconds(Math.floorMod(userId.hashCode(), 36_000));
        return event(userId, sequence, completedAt);
    }

    /** A session completed right now: what the freshness measurements publish. */
    public CloudEvent<SessionCompletedV1> now(String userId, int sequence) {
        return event(userId, sequence, Instant.now());
    }

    public CloudEvent<SessionCompletedV1> event(String userId, int sequence, Instant completedAt) {
        SplittableRandom random = new SplittableRandom(userId.hashCode() * 31L + sequence);
        ZoneId zone = ZoneId.of(ZONES.get(Math.floorMod(userId.hashCode(), ZONES.size())));
        List<ExerciseResult> results = new ArrayList<>();
        int totalSeconds = 0;
        Phase[] phases = Phase.values();
        for (int p = 0; p < phases.length; p++) {
            List<String> ids = catalog.ids(phases[p]);
            int offset = random.nextInt(ids.size());
            for (int i = 0; i < PER_PHASE[p] && i < ids.size(); i++) {
                ExerciseResult result = result(ids.get((offset + i) % ids.size()), phases[p], random);
                totalSeconds += result.durationSeconds();
                results.add(result);
            }
        }
        int painBefore = random.nextInt(0, 8);
        int painAfter = Math.max(0, Math.min(10, painBefore + random.nextInt(-2, 2)));
        int week = sequence / 3 + 1;
        SessionCompletedV1 data = new SessionCompletedV1(SessionCompletedV1.SCHEMA_VERSION, userId,
                sessionId(userId, sequence), "plan-" + userId, LocalDate.ofInstant(completedAt, zone), completedAt,
                zone.getId(), week, 3, 3, painBefore, painAfter, random.nextInt(2, 8), totalSeconds,
                random.nextInt(4) == 0 ? NOTES.get(random.nextInt(NOTES.size())) : null, results);
        return CloudEvent.of(eventId(userId, sequence), SOURCE, EventTypes.SESSION_COMPLETED_V1, userId, completedAt, data);
    }

    private static ExerciseResult result(String exerciseId, Phase phase, SplittableRandom random) {
        boolean skipped = random.nextInt(10) == 0;
        if (skipped) {
            return new ExerciseResult(exerciseId, phase, Status.SKIPPED, SKIP_REASONS.get(random.nextInt(SKIP_REASONS.size())),
                    null, null, null, 0);
        }
        return switch (phase) {
            case STRENGTHENING -> new ExerciseResult(exerciseId, phase, Status.DONE, null, random.nextInt(1, 4),
                    random.nextInt(8, 21), random.nextInt(0, 31), random.nextInt(60, 301));
            case LOW_IMPACT_CARDIO -> new ExerciseResult(exerciseId, phase, Status.DONE, null, null, null, null,
                    random.nextInt(300, 1201));
            default -> new ExerciseResult(exerciseId, phase, Status.DONE, null, 1, random.nextInt(5, 11),
                    random.nextInt(15, 46), random.nextInt(30, 181));
        };
    }

    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + value, e);
        }
    }
}
