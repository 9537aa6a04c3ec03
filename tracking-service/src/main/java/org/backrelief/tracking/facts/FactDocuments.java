package org.backrelief.tracking.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.backrelief.common.domain.Phase;
import org.backrelief.common.events.SessionCompletedV1.Status;
import org.bson.BsonReader;
import org.bson.BsonWriter;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;

import com.mongodb.MongoClientSettings;

/**
 * Maps facts to BSON and back, field by field: no reflection and no intermediate map on the ingest path, and the
 * stored shape is written down in one place ({@link #write}, read back by {@link #toSession} / {@link #toCheckIn}).
 * <p>
 * {@code _id} is the fact's natural key and {@code rank} orders competing events for it ({@link FactIdentity}).
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

    /** The driver's defaults plus the two fact codecs, for collections typed {@link SessionFact} / {@link CheckInFact}. */
    public static final CodecRegistry CODECS = CodecRegistries.fromRegistries(
            CodecRegistries.fromCodecs(new FactCodec<>(SessionFact.class, FactDocuments::write, FactDocuments::toSession),
                    new FactCodec<>(CheckInFact.class, FactDocuments::write, FactDocuments::toCheckIn)),
            MongoClientSettings.getDefaultCodecRegistry());

    private FactDocuments() {
    }

    /**
     * The stored shape of a session, written straight to BSON (through {@link #CODECS}): no intermediate
     * {@code Document} map and no per-value codec lookup, which cost ~24 µs of the tracker's CPU per event
     * (BENCHMARKS.md, "Tracker CPU per event"). Absent optional fields are left out, not written as null.
     */
    static void write(BsonWriter w, SessionFact s) {
        writeIdentity(w, FactIdentity.key(s), s.eventId(), FactIdentity.rank(s), s.userId());
        w.writeString("sessionId", s.sessionId());
        writeIfPresent(w, "planId", s.planId());
        writeIfPresent(w, "scheduledDate", s.scheduledDate() == null ? null : s.scheduledDate().toString());
        w.writeDateTime(COMPLETED_AT, s.completedAt().toEpochMilli());
        w.writeString("zoneId", s.zoneId());
        w.writeString(LOCAL_DATE, s.localDate().toString());
        writeIfPresent(w, "weekNumber", s.weekNumber());
        writeIfPresent(w, "sessionsScheduledThisWeek", s.sessionsScheduledThisWeek());
        writeIfPresent(w, "sessionsPerWeek", s.sessionsPerWeek());
        w.writeInt32("painBefore", s.painBefore());
        w.writeInt32("painAfter", s.painAfter());
        w.writeInt32("exertion", s.exertion());
        w.writeInt32("durationSeconds", s.durationSeconds());
        writeIfPresent(w, NOTES, s.notes());
        w.writeStartArray("exercises");
        for (ExerciseFact e : s.exercises()) {
            w.writeStartDocument();
            w.writeString("exerciseId", e.exerciseId());
            w.writeString("phase", e.phase().name());
            w.writeString("status", e.status().name());
            writeIfPresent(w, "skipReason", e.skipReason());
            writeIfPresent(w, "sets", e.sets());
            writeIfPresent(w, "reps", e.reps());
            writeIfPresent(w, "holdSeconds", e.holdSeconds());
            w.writeInt32("durationSeconds", e.durationSeconds());
            w.writeEndDocument();
        }
        w.writeEndArray();
        w.writeEndDocument();
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

    static void write(BsonWriter w, CheckInFact c) {
        writeIdentity(w, FactIdentity.key(c), c.eventId(), FactIdentity.rank(c), c.userId());
        w.writeString("checkInId", c.checkInId());
        writeIfPresent(w, "sessionId", c.sessionId());
        w.writeInt32("pain", c.pain());
        w.writeDateTime(RECORDED_AT, c.recordedAt().toEpochMilli());
        w.writeString("zoneId", c.zoneId());
        w.writeString(LOCAL_DATE, c.localDate().toString());
        writeIfPresent(w, "note", c.note());
        w.writeEndDocument();
    }

    public static CheckInFact toCheckIn(Document d) {
        return new CheckInFact(d.getString(EVENT_ID), d.getString(USER_ID), d.getString("checkInId"),
                d.getString("sessionId"), d.getInteger("pain", 0), d.getDate(RECORDED_AT).toInstant(),
                d.getString("zoneId"), LocalDate.parse(d.getString(LOCAL_DATE)), d.getString("note"));
    }

    /** Opens a fact's document with what identifies it (see {@link FactIdentity}). */
    private static void writeIdentity(BsonWriter w, String key, String eventId, String rank, String userId) {
        w.writeStartDocument();
        w.writeString(ID, key);
        w.writeString(EVENT_ID, eventId);
        w.writeString(RANK, rank);
        w.writeString(USER_ID, userId);
    }

    private static void writeIfPresent(BsonWriter w, String field, String value) {
        if (value != null) {
            w.writeString(field, value);
        }
    }

    private static void writeIfPresent(BsonWriter w, String field, Integer value) {
        if (value != null) {
            w.writeInt32(field, value);
        }
    }

    /** Writes facts with {@link #write}; reads them back through a {@code Document} ({@link #toSession}). */
    private record FactCodec<T>(Class<T> type, BiConsumer<BsonWriter, T> writer, Function<Document, T> reader)
            implements Codec<T> {

        private static final DocumentCodec DOCUMENTS = new DocumentCodec();

        @Override
        public void encode(BsonWriter w, T fact, EncoderContext context) {
            writer.accept(w, fact);
        }

        @Override
        public T decode(BsonReader r, DecoderContext context) {
            return reader.apply(DOCUMENTS.decode(r, context));
        }

        @Override
        public Class<T> getEncoderClass() {
            return type;
        }
    }
}
