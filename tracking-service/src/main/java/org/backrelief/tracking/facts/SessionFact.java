package org.backrelief.tracking.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import org.backrelief.common.events.SessionCompletedV1;

/**
 * One completed session as the tracker stores it: the event's data plus the user's local day.
 * <p>
 * {@code completedAt} is kept to the millisecond (what MongoDB stores), so a fact read back equals the fact written.
 */
public record SessionFact(
        String eventId,
        String userId,
        String sessionId,
        String planId,
        LocalDate scheduledDate,
        Instant completedAt,
        String zoneId,
        LocalDate localDate,
        Integer weekNumber,
        Integer sessionsScheduledThisWeek,
        Integer sessionsPerWeek,
        int painBefore,
        int painAfter,
        int exertion,
        int durationSeconds,
        String notes,
        List<ExerciseFact> exercises) {

    /** Oldest first; ties (same instant) broken by session id so every computation sees one order. */
    public static final Comparator<SessionFact> CHRONOLOGICAL = Comparator.comparing(SessionFact::completedAt)
            .thenComparing(SessionFact::sessionId);

    public SessionFact {
        exercises = exercises == null ? List.of() : List.copyOf(exercises);
    }

    public static SessionFact of(String eventId, SessionCompletedV1 data) {
        Instant completedAt = data.completedAt().truncatedTo(ChronoUnit.MILLIS);
        List<ExerciseFact> exercises = data.exercises().stream().map(ExerciseFact::of).toList();
        return new SessionFact(eventId, data.userId(), data.sessionId(), data.planId(), data.scheduledDate(),
                completedAt, data.zoneId(), completedAt.atZone(ZoneId.of(data.zoneId())).toLocalDate(),
                data.weekNumber(), data.sessionsScheduledThisWeek(), data.sessionsPerWeek(), data.painBefore(),
                data.painAfter(), data.exertion(), data.durationSeconds(), data.notes(), exercises);
    }
}
