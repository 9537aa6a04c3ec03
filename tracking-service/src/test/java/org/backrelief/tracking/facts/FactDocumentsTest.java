package org.backrelief.tracking.facts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.backrelief.common.domain.Phase;
import org.backrelief.common.events.SessionCompletedV1.Status;
import org.backrelief.tracking.support.Activity;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.BsonDocumentWriter;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FactDocumentsTest {

    private static <T> BsonDocument encode(Class<T> type, T fact) {
        BsonDocument doc = new BsonDocument();
        FactDocuments.CODECS.get(type).encode(new BsonDocumentWriter(doc), fact, EncoderContext.builder().build());
        return doc;
    }

    @Test
    void theStoredShapeHasTheQueriedTypesAndLeavesAbsentFieldsOut() {
        SessionFact bare = SessionFact.of("e1", Activity.session("u", "s1", "2024-03-01T07:00:00.123Z", "UTC")
                .exercise(Activity.skipped("bird-dog", Phase.STRENGTHENING, null)).data());
        BsonDocument doc = encode(SessionFact.class, bare);
        assertEquals(List.of("_id", "eventId", "rank", "userId", "sessionId", "completedAt", "zoneId", "localDate",
                "painBefore", "painAfter", "exertion", "durationSeconds", "exercises"), List.copyOf(doc.keySet()));
        assertEquals(FactIdentity.key("u", "s1"), doc.getString("_id").getValue());
        assertEquals(FactIdentity.rank(bare.completedAt(), "e1"), doc.getString("rank").getValue());
        assertEquals(BsonType.DATE_TIME, doc.get("completedAt").getBsonType());
        assertEquals(bare.completedAt().toEpochMilli(), doc.getDateTime("completedAt").getValue());
        assertEquals("2024-03-01", doc.getString("localDate").getValue());
        assertEquals(BsonType.INT32, doc.get("painBefore").getBsonType());
        assertEquals(List.of("exerciseId", "phase", "status", "durationSeconds"),
                List.copyOf(doc.getArray("exercises").get(0).asDocument().keySet()));

        CheckInFact checkIn = Activity.checkInFact("u", "c1", 4, "2024-03-02T07:00:00Z", "Asia/Tokyo");
        BsonDocument stored = encode(CheckInFact.class, checkIn);
        assertEquals(List.of("_id", "eventId", "rank", "userId", "checkInId", "pain", "recordedAt", "zoneId",
                "localDate"), List.copyOf(stored.keySet()));
        assertEquals(BsonType.DATE_TIME, stored.get("recordedAt").getBsonType());
    }

    @Property(tries = 300)
    void aSessionsBytesAreExactlyWhatTheDriverWritesForTheSameDocumentAndReadBackAsTheFact(
            @ForAll("sessions") SessionFact fact) {
        assertDriverWritesTheSameAndReadsBack(fact, FactDocuments.encode(fact), FactDocuments::toSession);
    }

    @Property(tries = 200)
    void aCheckInsBytesAreExactlyWhatTheDriverWritesForTheSameDocumentAndReadBackAsTheFact(
            @ForAll("checkIns") CheckInFact fact) {
        assertDriverWritesTheSameAndReadsBack(fact, FactDocuments.encode(fact), FactDocuments::toCheckIn);
    }

    /** The bytes are exactly what the driver's BsonBinaryWriter writes for the same document, and read back as the fact. */
    private static <T> void assertDriverWritesTheSameAndReadsBack(T fact, BsonBytes encoded,
            Function<Document, T> reader) {
        byte[] ours = bytes(encoded.toByteBuffer());
        Document read = read(ours);
        assertArrayEquals(driverBytes(read), ours);
        assertEquals(fact, reader.apply(read));
    }

    @Test
    void textOutsideLatin1KeepsItsCharactersAndAnUnpairedSurrogateBecomesAQuestionMark() {
        SessionFact fact = SessionFact.of("e1", Activity.session("u", "s1", "2024-03-01T07:00:00Z", "UTC")
                .notes("Rücken 😊 腰痛 \ud800!").data());
        Document read = read(bytes(FactDocuments.encode(fact).toByteBuffer()));
        assertEquals("Rücken 😊 腰痛 ?!", read.getString("notes"));
    }

    @Test
    void aSessionWithMoreExercisesThanTheCachedArrayKeysStillNumbersThemInOrder() {
        Activity.Session session = Activity.session("u", "s1", "2024-03-01T07:00:00Z", "UTC");
        for (int i = 0; i < 70; i++) {
            session.exercise(Activity.skipped("exercise-" + i, Phase.WARM_UP, null));
        }
        SessionFact fact = SessionFact.of("e1", session.data());
        assertDriverWritesTheSameAndReadsBack(fact, FactDocuments.encode(fact), FactDocuments::toSession);
    }

    @Provide
    Arbitrary<SessionFact> sessions() {
        Arbitrary<ExerciseFact> exercise = Combinators.combine(text(), Arbitraries.of(Phase.class),
                Arbitraries.of(Status.class), text().injectNull(0.5), optionalInt(), optionalInt(), optionalInt(),
                Arbitraries.integers()).as(ExerciseFact::new);
        Arbitrary<Object[]> first = Combinators.combine(text(), text(), text(), text().injectNull(0.3),
                date().injectNull(0.3), instant(), text(), date())
                .as((eventId, userId, sessionId, planId, scheduled, completedAt, zoneId, localDate) -> new Object[] {
                        eventId, userId, sessionId, planId, scheduled, completedAt, zoneId, localDate });
        Arbitrary<Object[]> second = Combinators.combine(optionalInt(), optionalInt(), optionalInt(),
                Arbitraries.integers(), Arbitraries.integers(), Arbitraries.integers(), Arbitraries.integers(),
                text().injectNull(0.5))
                .as((week, scheduledThisWeek, perWeek, before, after, exertion, duration, notes) -> new Object[] {
                        week, scheduledThisWeek, perWeek, before, after, exertion, duration, notes });
        return Combinators.combine(first, second, exercise.list().ofMaxSize(14)).as((a, b, exercises) ->
                new SessionFact((String) a[0], (String) a[1], (String) a[2], (String) a[3], (LocalDate) a[4],
                        (Instant) a[5], (String) a[6], (LocalDate) a[7], (Integer) b[0], (Integer) b[1],
                        (Integer) b[2], (int) b[3], (int) b[4], (int) b[5], (int) b[6], (String) b[7], exercises));
    }

    @Provide
    Arbitrary<CheckInFact> checkIns() {
        Arbitrary<CheckInFact> noNote = Combinators.combine(text(), text(), text(), text().injectNull(0.5),
                Arbitraries.integers(), instant(), text(), date()).as((eventId, userId, checkInId, sessionId, pain,
                        recordedAt, zoneId, localDate) -> new CheckInFact(eventId, userId, checkInId, sessionId, pain,
                                recordedAt, zoneId, localDate, null));
        return Combinators.combine(noNote, text().injectNull(0.5)).as((c, note) -> new CheckInFact(c.eventId(),
                c.userId(), c.checkInId(), c.sessionId(), c.pain(), c.recordedAt(), c.zoneId(), c.localDate(), note));
    }

    /** Any text without unpaired surrogates (those are the one case the bytes differ: see the test above). */
    private static Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u0080', '\u07ff')
                .withCharRange('\u0800', '\ud7ff').withCharRange('\ue000', '\uffff').withChars('\0', '\t', '\n')
                .ofMaxLength(40);
    }

    private static Arbitrary<Integer> optionalInt() {
        return Arbitraries.integers().injectNull(0.4);
    }

    private static Arbitrary<LocalDate> date() {
        return Arbitraries.integers().between(0, 36_500).map(day -> LocalDate.of(2000, 1, 1).plusDays(day));
    }

    /** To the millisecond, as MongoDB stores times (and SessionFact.of truncates them). */
    private static Arbitrary<Instant> instant() {
        return Arbitraries.longs().between(-2_000_000_000_000L, 4_000_000_000_000L).map(Instant::ofEpochMilli);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static Document read(byte[] bson) {
        return new DocumentCodec().decode(new BsonBinaryReader(ByteBuffer.wrap(bson)), DecoderContext.builder().build());
    }

    /** The same document as the driver's own BsonBinaryWriter writes it. */
    private static byte[] driverBytes(Document document) {
        BasicOutputBuffer out = new BasicOutputBuffer();
        new DocumentCodec().encode(new BsonBinaryWriter(out), document, EncoderContext.builder().build());
        return out.toByteArray();
    }
}
