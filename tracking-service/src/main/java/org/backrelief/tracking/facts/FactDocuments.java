package org.backrelief.tracking.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.backrelief.common.domain.Phase;
import org.backrelief.common.events.SessionCompletedV1.Status;
import org.bson.BsonBinaryReader;
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
 * stored shape is written down in one place ({@link #encode}, read back by {@link #toSession} / {@link #toCheckIn}).
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
            CodecRegistries.fromCodecs(new FactCodec<>(SessionFact.class, FactDocuments::encode, FactDocuments::toSession),
                    new FactCodec<>(CheckInFact.class, FactDocuments::encode, FactDocuments::toCheckIn)),
            MongoClientSettings.getDefaultCodecRegistry());

    private FactDocuments() {
    }

    /**
     * The stored shape of a session, as BSON bytes ({@link BsonBytes}; the codec in {@link #CODECS} hands them to the
     * driver whole). Absent optional fields are left out, not written as null.
     */
    static BsonBytes encode(SessionFact s) {
        BsonBytes w = identity(FactIdentity.key(s), s.eventId(), FactIdentity.rank(s), s.userId(),
                256 + 96 * s.exercises().size());
        w.string(Names.SESSION_ID, s.sessionId());
        stringIfPresent(w, Names.PLAN_ID, s.planId());
        stringIfPresent(w, Names.SCHEDULED_DATE, s.scheduledDate() == null ? null : s.scheduledDate().toString());
        w.dateTime(Names.COMPLETED_AT, s.completedAt().toEpochMilli());
        w.string(Names.ZONE_ID, s.zoneId());
        w.string(Names.LOCAL_DATE, s.localDate().toString());
        int32IfPresent(w, Names.WEEK_NUMBER, s.weekNumber());
        int32IfPresent(w, Names.SESSIONS_SCHEDULED_THIS_WEEK, s.sessionsScheduledThisWeek());
        int32IfPresent(w, Names.SESSIONS_PER_WEEK, s.sessionsPerWeek());
        w.int32(Names.PAIN_BEFORE, s.painBefore());
        w.int32(Names.PAIN_AFTER, s.painAfter());
        w.int32(Names.EXERTION, s.exertion());
        w.int32(Names.DURATION_SECONDS, s.durationSeconds());
        stringIfPresent(w, Names.NOTES, s.notes());
        w.startArray(Names.EXERCISES);
        List<ExerciseFact> exercises = s.exercises();
        for (int i = 0; i < exercises.size(); i++) {
            ExerciseFact e = exercises.get(i);
            w.startDocument(BsonBytes.index(i));
            w.string(Names.EXERCISE_ID, e.exerciseId());
            w.string(Names.PHASE, e.phase().name());
            w.string(Names.STATUS, e.status().name());
            stringIfPresent(w, Names.SKIP_REASON, e.skipReason());
            int32IfPresent(w, Names.SETS, e.sets());
            int32IfPresent(w, Names.REPS, e.reps());
            int32IfPresent(w, Names.HOLD_SECONDS, e.holdSeconds());
            w.int32(Names.DURATION_SECONDS, e.durationSeconds());
            w.endDocument();
        }
        w.endDocument(); // the array
        return w.endDocument();
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

    static BsonBytes encode(CheckInFact c) {
        BsonBytes w = identity(FactIdentity.key(c), c.eventId(), FactIdentity.rank(c), c.userId(), 320);
        w.string(Names.CHECK_IN_ID, c.checkInId());
        stringIfPresent(w, Names.SESSION_ID, c.sessionId());
        w.int32(Names.PAIN, c.pain());
        w.dateTime(Names.RECORDED_AT, c.recordedAt().toEpochMilli());
        w.string(Names.ZONE_ID, c.zoneId());
        w.string(Names.LOCAL_DATE, c.localDate().toString());
        stringIfPresent(w, Names.NOTE, c.note());
        return w.endDocument();
    }

    public static CheckInFact toCheckIn(Document d) {
        return new CheckInFact(d.getString(EVENT_ID), d.getString(USER_ID), d.getString("checkInId"),
                d.getString("sessionId"), d.getInteger("pain", 0), d.getDate(RECORDED_AT).toInstant(),
                d.getString("zoneId"), LocalDate.parse(d.getString(LOCAL_DATE)), d.getString("note"));
    }

    /** Opens a fact's document with what identifies it (see {@link FactIdentity}). */
    private static BsonBytes identity(String key, String eventId, String rank, String userId, int expectedSize) {
        return new BsonBytes(expectedSize).startDocument()
                .string(Names.ID, key)
                .string(Names.EVENT_ID, eventId)
                .string(Names.RANK, rank)
                .string(Names.USER_ID, userId);
    }

    private static void stringIfPresent(BsonBytes w, byte[] field, String value) {
        if (value != null) {
            w.string(field, value);
        }
    }

    private static void int32IfPresent(BsonBytes w, byte[] field, Integer value) {
        if (value != null) {
            w.int32(field, value);
        }
    }

    /** The stored field names, encoded once. */
    private static final class Names {

        static final byte[] ID = BsonBytes.name(FactDocuments.ID);
        static final byte[] EVENT_ID = BsonBytes.name(FactDocuments.EVENT_ID);
        static final byte[] RANK = BsonBytes.name(FactDocuments.RANK);
        static final byte[] USER_ID = BsonBytes.name(FactDocuments.USER_ID);
        static final byte[] LOCAL_DATE = BsonBytes.name(FactDocuments.LOCAL_DATE);
        static final byte[] COMPLETED_AT = BsonBytes.name(FactDocuments.COMPLETED_AT);
        static final byte[] RECORDED_AT = BsonBytes.name(FactDocuments.RECORDED_AT);
        static final byte[] NOTES = BsonBytes.name(FactDocuments.NOTES);
        static final byte[] SESSION_ID = BsonBytes.name("sessionId");
        static final byte[] PLAN_ID = BsonBytes.name("planId");
        static final byte[] SCHEDULED_DATE = BsonBytes.name("scheduledDate");
        static final byte[] ZONE_ID = BsonBytes.name("zoneId");
        static final byte[] WEEK_NUMBER = BsonBytes.name("weekNumber");
        static final byte[] SESSIONS_SCHEDULED_THIS_WEEK = BsonBytes.name("sessionsScheduledThisWeek");
        static final byte[] SESSIONS_PER_WEEK = BsonBytes.name("sessionsPerWeek");
        static final byte[] PAIN_BEFORE = BsonBytes.name("painBefore");
        static final byte[] PAIN_AFTER = BsonBytes.name("painAfter");
        static final byte[] EXERTION = BsonBytes.name("exertion");
        static final byte[] DURATION_SECONDS = BsonBytes.name("durationSeconds");
        static final byte[] EXERCISES = BsonBytes.name("exercises");
        static final byte[] EXERCISE_ID = BsonBytes.name("exerciseId");
        static final byte[] PHASE = BsonBytes.name("phase");
        static final byte[] STATUS = BsonBytes.name("status");
        static final byte[] SKIP_REASON = BsonBytes.name("skipReason");
        static final byte[] SETS = BsonBytes.name("sets");
        static final byte[] REPS = BsonBytes.name("reps");
        static final byte[] HOLD_SECONDS = BsonBytes.name("holdSeconds");
        static final byte[] CHECK_IN_ID = BsonBytes.name("checkInId");
        static final byte[] PAIN = BsonBytes.name("pain");
        static final byte[] NOTE = BsonBytes.name("note");

        private Names() {
        }
    }

    /**
     * Writes facts as the bytes of {@link #encode}, handed to the driver's writer whole ({@code pipe}: copied as they
     * are, as a {@code RawBsonDocument} is); reads them back through a {@code Document} ({@link #toSession}).
     */
    private record FactCodec<T>(Class<T> type, Function<T, BsonBytes> encoder, Function<Document, T> reader)
            implements Codec<T> {

        private static final DocumentCodec DOCUMENTS = new DocumentCodec();

        @Override
        public void encode(BsonWriter w, T fact, EncoderContext context) {
            try (BsonBinaryReader bytes = new BsonBinaryReader(encoder.apply(fact).toByteBuffer())) {
                w.pipe(bytes);
            }
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
