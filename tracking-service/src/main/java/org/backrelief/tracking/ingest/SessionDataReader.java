package org.backrelief.tracking.ingest;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.backrelief.common.domain.Phase;
import org.backrelief.common.events.SessionCompletedV1;
import org.backrelief.common.events.SessionCompletedV1.ExerciseResult;
import org.backrelief.common.events.SessionCompletedV1.Status;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Binds the {@code data} of a session-completed v1 event straight from the token stream, field by field: no
 * databind, no reflection and no date formatter per event (on the services' C1-only JIT, Jackson's record binding
 * and {@code DateTimeFormatter} were most of the tracker's CPU per event; see BENCHMARKS.md, "Tracker CPU per event").
 * <p>
 * It accepts only the plain shape every BackRelief producer writes: known fields at most once each, JSON types as
 * declared (ints within range, {@code yyyy-MM-dd} dates, {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} instants, enum
 * names), primitives present. For anything else it answers null and the decoder reads the event the careful way
 * (Jackson databind with the strict mapper), so what is accepted and why a record is refused stay defined there.
 */
final class SessionDataReader {

    // the records' Bean Validation constraints, read once (ComponentConstraint); null when one cannot be evaluated here
    private static final ComponentConstraint[] SESSION = constraints(SessionCompletedV1.class, "schemaVersion", "userId",
            "sessionId", "planId", "scheduledDate", "completedAt", "zoneId", "weekNumber", "sessionsScheduledThisWeek",
            "sessionsPerWeek", "painBefore", "painAfter", "exertion", "durationSeconds", "notes", "exercises");
    private static final ComponentConstraint[] EXERCISE = constraints(ExerciseResult.class, "exerciseId", "phase",
            "status", "skipReason", "sets", "reps", "holdSeconds", "durationSeconds");

    private SessionDataReader() {
    }

    private static ComponentConstraint[] constraints(Class<? extends Record> type, String... components) {
        if (type.getRecordComponents().length != components.length) {
            return null; // a component this reader does not know: leave everything to the validator
        }
        try {
            return Arrays.stream(components).map(name -> ComponentConstraint.of(type, name))
                    .toArray(ComponentConstraint[]::new);
        } catch (IllegalStateException e) {
            return null;
        }
    }

    /** Whether events read here are fully validated here (else the decoder runs the validator). */
    static boolean validates() {
        return SESSION != null && EXERCISE != null;
    }

    /**
     * Reads and checks the data against its constraints: null when it is not the plain shape or breaks a constraint
     * (the careful path then names the problem). Only when {@link #validates()}.
     */
    static SessionCompletedV1 readValid(JsonParser p) throws IOException {
        SessionCompletedV1 s = read(p);
        if (s == null) {
            return null;
        }
        ComponentConstraint[] c = SESSION;
        boolean valid = c[0].accepts(s.schemaVersion()) && c[1].accepts(s.userId()) && c[2].accepts(s.sessionId())
                && c[3].accepts(s.planId()) && c[4].acceptsObject(s.scheduledDate())
                && c[5].acceptsObject(s.completedAt()) && c[6].accepts(s.zoneId()) && c[7].accepts(s.weekNumber())
                && c[8].accepts(s.sessionsScheduledThisWeek()) && c[9].accepts(s.sessionsPerWeek())
                && c[10].accepts(s.painBefore()) && c[11].accepts(s.painAfter()) && c[12].accepts(s.exertion())
                && c[13].accepts(s.durationSeconds()) && c[14].accepts(s.notes()) && c[15].acceptsObject(s.exercises());
        if (!valid) {
            return null;
        }
        ComponentConstraint[] e = EXERCISE;
        for (ExerciseResult x : s.exercises()) {
            if (!(e[0].accepts(x.exerciseId()) && e[1].acceptsObject(x.phase()) && e[2].acceptsObject(x.status())
                    && e[3].accepts(x.skipReason()) && e[4].accepts(x.sets()) && e[5].accepts(x.reps())
                    && e[6].accepts(x.holdSeconds()) && e[7].accepts(x.durationSeconds()))) {
                return null;
            }
        }
        return s;
    }

    /** Reads the object the parser is at (its START_OBJECT is the current token); null to fall back. */
    static SessionCompletedV1 read(JsonParser p) throws IOException {
        try {
            return session(p);
        } catch (NotPlain e) {
            return null;
        }
    }

    private static SessionCompletedV1 session(JsonParser p) throws IOException {
        int schemaVersion = 0;
        String userId = null;
        String sessionId = null;
        String planId = null;
        LocalDate scheduledDate = null;
        Instant completedAt = null;
        String zoneId = null;
        Integer weekNumber = null;
        Integer scheduledThisWeek = null;
        Integer perWeek = null;
        int painBefore = 0;
        int painAfter = 0;
        int exertion = 0;
        int durationSeconds = 0;
        String notes = null;
        List<ExerciseResult> exercises = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            int bit = switch (field) {
                case "schemaVersion" -> { schemaVersion = requiredInt(p, t); yield 1; }
                case "userId" -> { userId = string(p, t); yield 1 << 1; }
                case "sessionId" -> { sessionId = string(p, t); yield 1 << 2; }
                case "planId" -> { planId = string(p, t); yield 1 << 3; }
                case "scheduledDate" -> { scheduledDate = t == JsonToken.VALUE_NULL ? null : date(p, t); yield 1 << 4; }
                case "completedAt" -> { completedAt = instant(p, t); yield 1 << 5; }
                case "zoneId" -> { zoneId = string(p, t); yield 1 << 6; }
                case "weekNumber" -> { weekNumber = optionalInt(p, t); yield 1 << 7; }
                case "sessionsScheduledThisWeek" -> { scheduledThisWeek = optionalInt(p, t); yield 1 << 8; }
                case "sessionsPerWeek" -> { perWeek = optionalInt(p, t); yield 1 << 9; }
                case "painBefore" -> { painBefore = requiredInt(p, t); yield 1 << 10; }
                case "painAfter" -> { painAfter = requiredInt(p, t); yield 1 << 11; }
                case "exertion" -> { exertion = requiredInt(p, t); yield 1 << 12; }
                case "durationSeconds" -> { durationSeconds = requiredInt(p, t); yield 1 << 13; }
                case "notes" -> { notes = string(p, t); yield 1 << 14; }
                case "exercises" -> { exercises = exercises(p, t); yield 1 << 15; }
                default -> throw NotPlain.INSTANCE; // an unknown field: the careful path names it
            };
            seen = once(seen, bit);
        }
        // primitives and the list must be present (databind would make a missing int 0: the careful path decides)
        requireAll(p, seen, 1 | 1 << 5 | 1 << 10 | 1 << 11 | 1 << 12 | 1 << 13 | 1 << 15);
        return new SessionCompletedV1(schemaVersion, userId, sessionId, planId, scheduledDate, completedAt, zoneId,
                weekNumber, scheduledThisWeek, perWeek, painBefore, painAfter, exertion, durationSeconds, notes,
                exercises);
    }

    private static List<ExerciseResult> exercises(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            throw NotPlain.INSTANCE;
        }
        List<ExerciseResult> results = new ArrayList<>(12);
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            results.add(exercise(p));
        }
        if (t != JsonToken.END_ARRAY) {
            throw NotPlain.INSTANCE; // e.g. a null element
        }
        return results;
    }

    private static ExerciseResult exercise(JsonParser p) throws IOException {
        String exerciseId = null;
        Phase phase = null;
        Status status = null;
        String skipReason = null;
        Integer sets = null;
        Integer reps = null;
        Integer holdSeconds = null;
        int durationSeconds = 0;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            int bit = switch (field) {
                case "exerciseId" -> { exerciseId = string(p, t); yield 1; }
                case "phase" -> { phase = named(Phase.values(), string(p, t)); yield 1 << 1; }
                case "status" -> { status = named(Status.values(), string(p, t)); yield 1 << 2; }
                case "skipReason" -> { skipReason = string(p, t); yield 1 << 3; }
                case "sets" -> { sets = optionalInt(p, t); yield 1 << 4; }
                case "reps" -> { reps = optionalInt(p, t); yield 1 << 5; }
                case "holdSeconds" -> { holdSeconds = optionalInt(p, t); yield 1 << 6; }
                case "durationSeconds" -> { durationSeconds = requiredInt(p, t); yield 1 << 7; }
                default -> throw NotPlain.INSTANCE;
            };
            seen = once(seen, bit);
        }
        requireAll(p, seen, 1 << 1 | 1 << 2 | 1 << 7);
        return new ExerciseResult(exerciseId, phase, status, skipReason, sets, reps, holdSeconds, durationSeconds);
    }

    /** Marks a field as seen; a field twice is not the plain shape. */
    private static int once(int seen, int bit) {
        if ((seen & bit) != 0) {
            throw NotPlain.INSTANCE;
        }
        return seen | bit;
    }

    private static void requireAll(JsonParser p, int seen, int required) {
        if ((seen & required) != required || p.currentToken() != JsonToken.END_OBJECT) {
            throw NotPlain.INSTANCE;
        }
    }

    private static int requiredInt(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            throw NotPlain.INSTANCE;
        }
        return p.getIntValue();
    }

    private static Integer optionalInt(JsonParser p, JsonToken t) throws IOException {
        return t == JsonToken.VALUE_NULL ? null : requiredInt(p, t);
    }

    private static String string(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw NotPlain.INSTANCE;
        }
        return p.getText();
    }

    private static LocalDate date(JsonParser p, JsonToken t) throws IOException {
        LocalDate date = t == JsonToken.VALUE_STRING ? localDate(p.getText()) : null;
        if (date == null) {
            throw NotPlain.INSTANCE;
        }
        return date;
    }

    private static Instant instant(JsonParser p, JsonToken t) throws IOException {
        Instant instant = t == JsonToken.VALUE_STRING ? instant(p.getText()) : null;
        if (instant == null) {
            throw NotPlain.INSTANCE;
        }
        return instant;
    }

    /** Not the plain shape: thrown without a stack trace, caught by {@link #read}. */
    private static final class NotPlain extends RuntimeException {

        static final NotPlain INSTANCE = new NotPlain();

        private NotPlain() {
            super("not the plain shape", null, false, false);
        }
    }

    /** The constant with exactly this name (no case folding: the plain shape is exact), else not plain. */
    private static <E extends Enum<E>> E named(E[] constants, String name) {
        for (E constant : constants) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw NotPlain.INSTANCE;
    }

    /** {@code yyyy-MM-dd}, or null. */
    static LocalDate localDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} in UTC, or null. */
    static Instant instant(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return null;
        }
        LocalDate date = localDate(s.substring(0, 10));
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21; // between '.' and 'Z'
            if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            nanos = digits(s, 20, n - 1);
            if (nanos < 0) {
                return null;
            }
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        } else if (n != 20) {
            return null;
        }
        return Instant.ofEpochSecond(date.toEpochDay() * 86_400L + hour * 3600L + minute * 60L + second, nanos);
    }

    /** The decimal number in s[from, to), or -1 if any character is not a digit. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
