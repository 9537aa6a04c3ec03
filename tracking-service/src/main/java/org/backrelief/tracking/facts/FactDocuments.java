package org.backrelief.tracking.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.backrelief.common.domain.Phase;
import org.backrelief.common.events.SessionCompletedV1.Status;
import org.bson.Document;

/**
 * Maps facts to BSON documents and back, field by field: no reflection on the ingest path, and the stored shape is
 * written down in one place.
 * <p>
 * {@code _id} is the fact's natural key (user + session or check-in id), so a second event about the same session
 * meets the first one; {@code eventId} has its own unique index; {@code rank} orders competing events for the same
 * key (earliest first, then lowest event id) so the stored winner does not depend on arrival order.
 */
public final class FactDocuments {

    public static final String ID = "_id";
    public static final String EVENT_ID = "eventId";
    public static final String RANK = "rank";
    public static final String USER_ID = "userId";
    public static final String LOCAL_DATE = "localDate";
    public static final String COMPLETED_AT = "completedAt";
    public static final String RECORDED_AT = "recordedAt";
    public static final String NOTES = "notes";
    private static final int RANK_DIGITS = 16;

    private FactDocuments() {
    }

    /** The natural key: length-prefixed so no user id / session id pair can collide with another. */
    public static String key(String userId, String naturalId) {
        return userId.length() + ":" + userId + "/" + naturalId;
    }

    /** Sorts like (time, event id); the decoder guarantees times between 2000 and 2100, so 16 digits always fit. */
    public static String rank(Instant at, String eventId) {
        // hand-rolled "%016d|%s": String.format parses its pattern on every call, and this runs once per event
        String millis = Long.toString(at.toEpochMilli());
        StringBuilder rank = new StringBuilder(RANK_DIGITS + 1 + eventId.length());
        for (int pad = RANK_DIGITS - millis.length(); pad > 0; pad--) {
            rank.append('0');
        }
        return rank.append(millis).append('|').append(eventId).toString();
    }

    public static Document toDocument(SessionFact s) {
        Document doc = new Document(ID, key(s.userId(), s.sessionId()))
                .append(EVENT_ID, s.eventId())
                .append(RANK, rank(s.completedAt(), s.eventId()))
                .append(USER_ID, s.userId())
                .append("sessionId", s.sessionId());
        putIfPresent(doc, "planId", s.planId());
        putIfPresent(doc, "scheduledDate", s.scheduledDate() == null ? null : s.scheduledDate().toString());
        doc.append(COMPLETED_AT, Date.from(s.completedAt()))
                .append("zoneId", s.zoneId())
                .append(LOCAL_DATE, s.localDate().toString());
        putIfPresent(doc, "weekNumber", s.weekNumber());
        putIfPresent(doc, "sessionsScheduledThisWeek", s.sessionsScheduledThisWeek());
        putIfPresent(doc, "sessionsPerWeek", s.sessionsPerWeek());
        doc.append("painBefore", s.painBefore())
                .append("painAfter", s.painAfter())
                .append("exertion", s.exertion())
                .append("durationSeconds", s.durationSeconds());
        putIfPresent(doc, NOTES, s.notes());
        List<Document> exercises = new ArrayList<>(s.exercises().size());
        for (ExerciseFact e : s.exercises()) {
            Document ex = new Document("exerciseId", e.exerciseId())
                    .append("phase", e.phase().name())
                    .append("status", e.status().name());
            putIfPresent(ex, "skipReason", e.skipReason());
            putIfPresent(ex, "sets", e.sets());
            putIfPresent(ex, "reps", e.reps());
            putIfPresent(ex, "holdSeconds", e.holdSeconds());
            ex.append("durationSeconds", e.durationSeconds());
            exercises.add(ex);
        }
        return doc.append("exercises", exercises);
    }

    public static SessionFact toSession(Document d) {
        List<ExerciseFact> exercises = new ArrayList<>();
        for (Document e : d.getList("exercises", Document.class, List.of())) {
            exercises.add(new ExerciseFact(e.getString("exerciseId"), Phase.valueOf(e.getString("phase")),
                    Status.valueOf(e.getString("status")), e.getString("skipReason"), e.getInteger("sets"),
                    e.getInteger("reps"), e.getInteger("holdSeconds"), e.getInteger("durationSeconds", 0)));
        }
        String scheduled = d.getString("scheduledDate");
        return new SessionFact(d.getString(EVENT_ID), d.getString(USER_ID), d.getString("sessionId"),
                d.getString("planId"), scheduled == null ? null : LocalDate.parse(scheduled),
                d.getDate(COMPLETED_AT).toInstant(), d.getString("zoneId"), LocalDate.parse(d.getString(LOCAL_DATE)),
                d.getInteger("weekNumber"), d.getInteger("sessionsScheduledThisWeek"), d.getInteger("sessionsPerWeek"),
                d.getInteger("painBefore", 0), d.getInteger("painAfter", 0), d.getInteger("exertion", 0),
                d.getInteger("durationSeconds", 0), d.getString(NOTES), exercises);
    }

    public static Document toDocument(CheckInFact c) {
        Document doc = new Document(ID, key(c.userId(), c.checkInId()))
                .append(EVENT_ID, c.eventId())
                .append(RANK, rank(c.recordedAt(), c.eventId()))
                .append(USER_ID, c.userId())
                .append("checkInId", c.checkInId());
        putIfPresent(doc, "sessionId", c.sessionId());
        doc.append("pain", c.pain())
                .append(RECORDED_AT, Date.from(c.recordedAt()))
                .append("zoneId", c.zoneId())
                .append(LOCAL_DATE, c.localDate().toString());
        putIfPresent(doc, "note", c.note());
        return doc;
    }

    public static CheckInFact toCheckIn(Document d) {
        return new CheckInFact(d.getString(EVENT_ID), d.getString(USER_ID), d.getString("checkInId"),
                d.getString("sessionId"), d.getInteger("pain", 0), d.getDate(RECORDED_AT).toInstant(),
                d.getString("zoneId"), LocalDate.parse(d.getString(LOCAL_DATE)), d.getString("note"));
    }

    private static void putIfPresent(Document doc, String field, Object value) {
        if (value != null) {
            doc.append(field, value);
        }
    }
}
