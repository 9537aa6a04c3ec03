package org.backrelief.tracking.ingest;

import static org.backrelief.tracking.support.Activity.done;
import static org.backrelief.tracking.support.Activity.session;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import jakarta.validation.Validation;

import org.backrelief.common.domain.Phase;
import org.backrelief.common.json.StrictJsonCustomizer;
import org.backrelief.tracking.facts.SessionFact;
import org.backrelief.tracking.support.Activity;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class ActivityDecoderTest {

    private static final ObjectMapper MAPPER = strictMapper();
    private final ActivityDecoder decoder = new ActivityDecoder(MAPPER, Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJsonCustomizer().customize(mapper);
        return mapper;
    }

    private static final String VALID = session("user-1", "s-1", "2024-03-31T22:30:00.123456Z", "Europe/Berlin")
            .exercise(done("plank", Phase.STRENGTHENING, 3, null, 30, 120)).json("evt-1");

    /** The valid event with one change applied to its JSON. */
    private static String changed(Consumer<ObjectNode> change) {
        try {
            ObjectNode event = (ObjectNode) Activity.JSON.readTree(VALID);
            change.accept(event);
            return Activity.JSON.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("data");
    }

    /** What the consumer hands over: the record's value as UTF-8 bytes. */
    private Decoded decode(String value) {
        return decoder.decode(value == null ? null : value.getBytes(UTF_8));
    }

    private Decoded onePass(String value) {
        return decoder.decodeInOnePass(value.getBytes(UTF_8));
    }

    private Decoded.Rejected rejected(String value, Rejection expected) {
        Decoded.Rejected rejected = assertInstanceOf(Decoded.Rejected.class, decode(value));
        assertEquals(expected, rejected.reason(), rejected.detail());
        return rejected;
    }

    @Test
    void aValidSessionBecomesAFactOnTheUsersLocalDay() {
        SessionFact fact = assertInstanceOf(Decoded.Session.class, decode(VALID)).fact();
        assertEquals("evt-1", fact.eventId());
        assertEquals("user-1", fact.userId());
        assertEquals(LocalDate.parse("2024-04-01"), fact.localDate(), "00:30 on 1 April in Berlin");
        assertEquals(Instant.parse("2024-03-31T22:30:00.123Z"), fact.completedAt(), "kept to the millisecond");
        assertEquals(30, fact.exercises().get(0).holdSeconds());
    }

    @Test
    void aValidCheckInBecomesAFact() {
        String json = Activity.checkInEvent("evt-c", Activity.checkIn("user-1", "c-1", 3, "2024-03-02T07:00:00Z",
                "America/New_York"));
        Decoded.CheckIn checkIn = assertInstanceOf(Decoded.CheckIn.class, decode(json));
        assertEquals(LocalDate.parse("2024-03-02"), checkIn.fact().localDate());
        assertEquals(3, checkIn.fact().pain());
    }

    @Test
    void cloudEventExtensionAttributesAreAccepted() {
        assertInstanceOf(Decoded.Session.class,
                decode(changed(e -> e.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"))));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   " })
    void anEmptyRecordIsRejected(String value) {
        rejected(value, Rejection.EMPTY_RECORD);
        rejected(null, Rejection.EMPTY_RECORD);
    }

    @Test
    void textThatIsNotJsonIsRejected() {
        rejected("{\"specversion\": \"1.0\", ", Rejection.NOT_JSON);
        rejected("hello", Rejection.NOT_JSON);
    }

    @Test
    void jsonThatIsNotACloudEventIsRejected() {
        rejected("[1, 2, 3]", Rejection.NOT_A_CLOUDEVENT);
        rejected("{\"userId\": \"u\"}", Rejection.NOT_A_CLOUDEVENT);
        rejected(changed(e -> e.remove("id")), Rejection.NOT_A_CLOUDEVENT);
        rejected(changed(e -> e.put("specversion", "0.3")), Rejection.NOT_A_CLOUDEVENT);
        rejected(changed(e -> e.put("datacontenttype", "application/xml")), Rejection.NOT_A_CLOUDEVENT);
    }

    @Test
    void unknownTypesAndVersionsAreRejected() {
        rejected(changed(e -> e.put("type", "org.example.something")), Rejection.UNKNOWN_TYPE);
        rejected(changed(e -> e.put("type", "org.backrelief.session.completed.v2")),
                Rejection.UNSUPPORTED_SCHEMA_VERSION);
        rejected(changed(e -> data(e).put("schemaVersion", 2)), Rejection.UNSUPPORTED_SCHEMA_VERSION);
        rejected(changed(e -> data(e).remove("schemaVersion")), Rejection.UNSUPPORTED_SCHEMA_VERSION);
    }

    @Test
    void dataFailingValidationIsRejectedWithTheField() {
        assertTrue(rejected(changed(e -> data(e).put("painAfter", 11)), Rejection.INVALID_DATA).detail()
                .contains("painAfter"));
        assertTrue(rejected(changed(e -> data(e).put("durationSeconds", -5)), Rejection.INVALID_DATA).detail()
                .contains("durationSeconds"));
        assertTrue(rejected(changed(e -> data(e).remove("sessionId")), Rejection.INVALID_DATA).detail()
                .contains("sessionId"));
        assertTrue(rejected(changed(e -> ((ObjectNode) data(e).get("exercises").get(0)).put("durationSeconds", -1)),
                Rejection.INVALID_DATA).detail().contains("exercises[0].durationSeconds"));
        assertTrue(rejected(changed(e -> data(e).put("zoneId", "Mars/Olympus_Mons")), Rejection.INVALID_DATA)
                .detail().contains("zoneId"));
        assertTrue(rejected(changed(e -> data(e).put("$where", "1")), Rejection.INVALID_DATA).detail()
                .contains("unknown field"));
        rejected(changed(e -> data(e).put("painBefore", "four")), Rejection.INVALID_DATA);
        rejected(changed(e -> data(e).put("completedAt", "1970-01-01T00:00:00Z")), Rejection.INVALID_DATA);
        rejected(changed(e -> e.put("subject", "someone-else")), Rejection.INVALID_DATA);
        rejected(changed(e -> e.remove("data")), Rejection.INVALID_DATA);
    }

    /**
     * Well-formed events take the one-pass path (no tree), with the strict mapper the app uses: the envelope's tokens
     * after {@code data} must not count as trailing garbage. The careful path would give the same fact, at twice the cost.
     */
    @Test
    void wellFormedEventsAreDecodedInOnePass() {
        assertEquals(decode(VALID), assertInstanceOf(Decoded.Session.class, onePass(VALID)));
        String checkIn = Activity.checkInEvent("evt-c", Activity.checkIn("user-1", "c-1", 3, "2024-03-02T07:00:00Z",
                "UTC"));
        assertInstanceOf(Decoded.CheckIn.class, onePass(checkIn));
        // data not last: an extension attribute after it
        assertInstanceOf(Decoded.Session.class, onePass(changed(e -> e.put("zz-extension", "x"))));
    }

    /** Malformed UTF-8 is read as a string deserializer reads it (replaced), so it is judged as it was before bytes. */
    @Test
    void malformedUtf8IsReadAsTextWithReplacement() {
        byte[] value = changed(e -> data(e).put("notes", "a?b")).getBytes(UTF_8);
        int mark = new String(value, UTF_8).indexOf("a?b") + 1;
        value[mark] = (byte) 0xFF;
        assertEquals(null, decoder.decodeInOnePass(value));
        SessionFact fact = assertInstanceOf(Decoded.Session.class, decoder.decode(value)).fact();
        assertEquals("a\uFFFDb", fact.notes());
        assertEquals(Rejection.EMPTY_RECORD, assertInstanceOf(Decoded.Rejected.class, decoder.decode(new byte[0])).reason());
        rejected(" \n\t", Rejection.EMPTY_RECORD);
    }

    @Test
    void theOnePassPathStaysStrict() {
        // anything dubious is left to the careful path, which names the reason
        assertEquals(null, onePass(changed(e -> data(e).put("$where", "1"))));
        assertEquals(null, onePass(VALID + " {}"));
        rejected(VALID + " {}", Rejection.NOT_JSON);
    }

    /** The one-pass path binds sessions without databind: it must give exactly the careful path's fact. */
    @Test
    void theOnePassPathBindsWhatDatabindBinds() {
        assertTrue(SessionDataReader.validates(), "the session constraints are evaluated while reading");
        List<String> events = List.of(VALID,
                session("u", "s", "2024-03-31T22:30:00Z", "UTC").json("e1"),
                session("u", "s", "2024-02-29T23:59:59.5Z", "America/New_York").notes("sore \"back\" ü")
                        .exercise(Activity.skipped("cat-camel", Phase.WARM_UP, "pain"))
                        .exercise(done("plank", Phase.STRENGTHENING, null, 12, null, 0)).json("e2"),
                changed(e -> data(e).put("planId", "p-1").put("scheduledDate", "2024-03-30").put("weekNumber", 2)
                        .put("sessionsScheduledThisWeek", 3).put("sessionsPerWeek", 3)),
                changed(e -> data(e).putNull("planId").putNull("notes").putNull("weekNumber")),
                changed(e -> data(e).put("completedAt", "2024-03-31T22:30:00.123456789Z")));
        for (String event : events) {
            Decoded fast = onePass(event);
            assertInstanceOf(Decoded.Session.class, fast, event);
            assertEquals(decoder.decodeCarefully(event), fast, event);
        }
    }

    /** Whatever breaks a constraint or the plain shape is left to the careful path, which names it. */
    @Test
    void theOnePassPathLeavesEveryViolationToTheValidator() {
        List<String> breaking = List.of(
                changed(e -> data(e).put("painAfter", 11)),
                changed(e -> data(e).put("painBefore", -1)),
                changed(e -> data(e).put("schemaVersion", 2)),
                changed(e -> data(e).put("userId", " ")),
                changed(e -> data(e).put("userId", "\u0000")),
                changed(e -> data(e).put("sessionId", "x".repeat(129))),
                changed(e -> data(e).put("sessionsPerWeek", 8)),
                changed(e -> data(e).put("weekNumber", 0)),
                changed(e -> data(e).put("notes", "n".repeat(2001))),
                changed(e -> data(e).putNull("exercises")),
                changed(e -> data(e).putNull("completedAt")),
                changed(e -> data(e).put("painBefore", 4.0)),
                changed(e -> data(e).put("painBefore", 4_000_000_000L)),
                changed(e -> data(e).put("userId", 7)),
                changed(e -> data(e).put("completedAt", "2024-03-31T22:30:00+01:00")),
                changed(e -> data(e).put("scheduledDate", "2024-02-30")),
                changed(e -> ((ObjectNode) data(e).get("exercises").get(0)).put("phase", "warm_up")),
                changed(e -> ((ObjectNode) data(e).get("exercises").get(0)).put("reps", 1001)),
                changed(e -> ((ObjectNode) data(e).get("exercises").get(0)).put("exerciseId", "")),
                changed(e -> ((ObjectNode) data(e).get("exercises").get(0)).remove("durationSeconds")),
                changed(e -> data(e).withArray("exercises").addNull()));
        for (String event : breaking) {
            assertEquals(null, onePass(event), event);
        }
        assertTrue(rejected(breaking.get(0), Rejection.INVALID_DATA).detail().contains("painAfter"));
        assertTrue(rejected(breaking.get(4), Rejection.INVALID_DATA).detail().contains("userId"));
    }

    @Test
    void instantsAndDatesAreReadAsJavaTimeReadsThem() {
        for (String text : List.of("2024-03-31T22:30:00Z", "2000-01-01T00:00:00.1Z", "2099-12-31T23:59:59.999999999Z",
                "2024-02-29T12:00:00.120Z")) {
            assertEquals(Instant.parse(text), SessionDataReader.instant(text), text);
        }
        for (String text : List.of("2024-03-31T22:30Z", "2024-03-31T24:00:00Z", "2024-03-31 22:30:00Z",
                "2024-03-31T22:30:00.Z", "2024-03-31T22:30:00.1234567890Z", "+2024-03-31T22:30:00Z")) {
            assertEquals(null, SessionDataReader.instant(text), text);
        }
        assertEquals(LocalDate.parse("2024-02-29"), SessionDataReader.localDate("2024-02-29"));
        assertEquals(null, SessionDataReader.localDate("2023-02-29"));
    }
}
