package org.backrelief.tracking.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.backrelief.common.events.CloudEvent;
import org.backrelief.common.events.EventTypes;
import org.backrelief.common.events.PainCheckInV1;
import org.backrelief.common.events.SessionCompletedV1;
import org.backrelief.tracking.facts.CheckInFact;
import org.backrelief.tracking.facts.SessionFact;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns a record value (a structured-mode CloudEvent, JSON in UTF-8) into a fact, or says precisely why not.
 * Never throws: whatever a producer writes, the consumer goes on.
 */
@ApplicationScoped
public class ActivityDecoder {

    /** Times outside this window are data errors; it also keeps {@code FactIdentity.rank} fixed-width. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
    private static final String SESSION_FAMILY = "org.backrelief.session.completed.";
    private static final String CHECK_IN_FAMILY = "org.backrelief.pain.checkin.";
    private static final String VERSION_PREFIX = "schemaVersion ";
    private static final Set<String> ATTRIBUTES = Set.of("specversion", "id", "source", "type", "subject",
            "datacontenttype", "time", "dataschema");
    private static final int MAX_ID_LENGTH = 200;
    private static final int MAX_DETAIL_LENGTH = 1000;
    private static final Decoded EMPTY = rejected(Rejection.EMPTY_RECORD, "the record has no value");

    private final ObjectMapper mapper;
    private final ObjectReader sessionReader;
    private final ObjectReader checkInReader;
    /**
     * The check-in reader for {@code data} read in the middle of the envelope's stream: the tokens after it (at least
     * the envelope's closing brace) are not trailing garbage, so the strict mapper's FAIL_ON_TRAILING_TOKENS must not
     * apply there (it made every event fail the one-pass path). The envelope's own end is checked by the caller.
     * Sessions, nearly all the traffic, are bound by {@link SessionDataReader} instead.
     */
    private final ObjectReader checkInInEnvelope;
    private final Validator validator;

    public ActivityDecoder(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.sessionReader = mapper.readerFor(SessionCompletedV1.class);
        this.checkInReader = mapper.readerFor(PainCheckInV1.class);
        this.checkInInEnvelope = checkInReader.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.validator = validator;
    }

    /**
     * A record's value as the broker sent it. The common case is parsed straight from its UTF-8 bytes (no String per
     * record, no char copy); anything else is read again as text, malformed UTF-8 replaced as a string deserializer
     * would, so every reject gets the same reason as before.
     */
    public Decoded decode(byte[] value) {
        if (value == null || value.length == 0) {
            return EMPTY;
        }
        Decoded fast = decodeInOnePass(value);
        return fast != null ? fast : decodeCarefully(new String(value, UTF_8));
    }

    /**
     * The common case in one streaming pass, with no intermediate tree: a well-formed v1 event whose {@code type}
     * comes before its {@code data} (as every BackRelief producer writes it). Returns null for anything else, and the
     * careful path then classifies it precisely.
     */
    Decoded decodeInOnePass(byte[] value) {
        try (JsonParser parser = mapper.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Map<String, String> attributes = new HashMap<>(8);
            String boundType = null;
            Object data = null;
            boolean checked = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                if ("data".equals(field)) {
                    String type = attributes.get("type");
                    if (token != JsonToken.START_OBJECT || data != null) {
                        return null;
                    }
                    if (EventTypes.SESSION_COMPLETED_V1.equals(type)) {
                        // the bulk of the stream, without databind; checked against its constraints as it is read
                        checked = SessionDataReader.validates();
                        data = checked ? SessionDataReader.readValid(parser) : SessionDataReader.read(parser);
                    } else if (EventTypes.PAIN_CHECKIN_V1.equals(type)) {
                        data = checkInInEnvelope.readValue(parser);
                    }
                    if (data == null) {
                        return null;
                    }
                    boundType = type;
                } else if (ATTRIBUTES.contains(field)) {
                    if (token == JsonToken.VALUE_STRING) {
                        attributes.put(field, parser.getText());
                    } else if (token != JsonToken.VALUE_NULL) {
                        return null;
                    }
                } else {
                    parser.skipChildren(); // extension attributes
                }
            }
            if (parser.nextToken() != null || data == null || !boundType.equals(attributes.get("type"))) {
                return null;
            }
            String id = attributes.get("id");
            String contentType = attributes.get("datacontenttype");
            if (!CloudEvent.SPEC_VERSION.equals(attributes.get("specversion")) || id == null || id.isBlank()
                    || id.length() > MAX_ID_LENGTH || attributes.get("source") == null
                    || attributes.get("source").isBlank() || contentType != null && !contentType.contains("json")) {
                return null;
            }
            return accept(id, attributes.get("subject"), data, checked);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** Every check, reading the value into a tree first, so each kind of bad record gets its own reason. */
    Decoded decodeCarefully(String value) {
        if (value.isBlank()) {
            return EMPTY;
        }
        JsonNode event;
        try {
            event = mapper.readTree(value);
        } catch (JsonProcessingException e) {
            return rejected(Rejection.NOT_JSON, e.getOriginalMessage());
        }
        if (event == null || !event.isObject()) {
            return rejected(Rejection.NOT_A_CLOUDEVENT, "the value is not a JSON object");
        }
        String problem = envelopeProblem(event);
        if (problem != null) {
            return rejected(Rejection.NOT_A_CLOUDEVENT, problem);
        }
        String type = event.get("type").asText();
        String id = event.get("id").asText();
        JsonNode data = event.get("data");
        return switch (type) {
            case EventTypes.SESSION_COMPLETED_V1 ->
                    bound(id, event, data, SessionCompletedV1.SCHEMA_VERSION, sessionReader);
            case EventTypes.PAIN_CHECKIN_V1 ->
                    bound(id, event, data, PainCheckInV1.SCHEMA_VERSION, checkInReader);
            default -> type.startsWith(SESSION_FAMILY) || type.startsWith(CHECK_IN_FAMILY)
                    ? rejected(Rejection.UNSUPPORTED_SCHEMA_VERSION, "type " + type + " is not supported")
                    : rejected(Rejection.UNKNOWN_TYPE, "unknown event type " + type);
        };
    }

    /** The CloudEvents 1.0 required attributes; extension attributes are allowed and ignored. */
    private static String envelopeProblem(JsonNode event) {
        if (!CloudEvent.SPEC_VERSION.equals(text(event, "specversion"))) {
            return "specversion must be " + CloudEvent.SPEC_VERSION;
        }
        for (String attribute : new String[] { "id", "source", "type" }) {
            String value = text(event, attribute);
            if (value == null || value.isBlank()) {
                return attribute + " is required";
            }
        }
        if (text(event, "id").length() > MAX_ID_LENGTH) {
            return "id is longer than " + MAX_ID_LENGTH + " characters";
        }
        JsonNode contentType = event.get("datacontenttype");
        if (contentType != null && !contentType.isNull()
                && !(contentType.isTextual() && contentType.asText().contains("json"))) {
            return "datacontenttype must be JSON";
        }
        return null;
    }

    /** A known event type: its data's schema version checked, then bound by {@code reader}. */
    private Decoded bound(String eventId, JsonNode event, JsonNode data, int schemaVersion, ObjectReader reader) {
        String problem = dataProblem(data, schemaVersion);
        if (problem != null) {
            return versionOrData(problem);
        }
        try {
            return accept(eventId, text(event, "subject"), reader.readValue(data), false);
        } catch (java.io.IOException e) {
            return rejected(Rejection.INVALID_DATA, jsonProblem(e));
        }
    }

    /**
     * The checks on bound data, shared by both paths; {@code constraintsChecked} when {@link SessionDataReader}
     * already enforced the Bean Validation constraints while reading.
     */
    private Decoded accept(String eventId, String subject, Object data, boolean constraintsChecked) {
        if (data instanceof SessionCompletedV1 session) {
            if (session.schemaVersion() != SessionCompletedV1.SCHEMA_VERSION) {
                return rejected(Rejection.UNSUPPORTED_SCHEMA_VERSION,
                        VERSION_PREFIX + session.schemaVersion() + " is not supported");
            }
            String problem = dataProblem(constraintsChecked ? Set.of() : validator.validate(session),
                    session.zoneId(), "completedAt", session.completedAt(), subject, session.userId());
            return problem != null ? rejected(Rejection.INVALID_DATA, problem)
                    : new Decoded.Session(SessionFact.of(eventId, session));
        }
        PainCheckInV1 checkIn = (PainCheckInV1) data;
        if (checkIn.schemaVersion() != PainCheckInV1.SCHEMA_VERSION) {
            return rejected(Rejection.UNSUPPORTED_SCHEMA_VERSION,
                    VERSION_PREFIX + checkIn.schemaVersion() + " is not supported");
        }
        String problem = dataProblem(validator.validate(checkIn), checkIn.zoneId(), "recordedAt",
                checkIn.recordedAt(), subject, checkIn.userId());
        return problem != null ? rejected(Rejection.INVALID_DATA, problem)
                : new Decoded.CheckIn(CheckInFact.of(eventId, checkIn));
    }

    private static String dataProblem(Set<? extends ConstraintViolation<?>> violations, String zoneId,
            String timeField, Instant time, String subject, String userId) {
        String problem = violations(violations);
        if (problem == null) {
            problem = zoneProblem(zoneId);
        }
        if (problem == null) {
            problem = timeProblem(timeField, time);
        }
        if (problem == null && subject != null && !subject.equals(userId)) {
            problem = "subject does not match data.userId";
        }
        return problem;
    }

    /** Missing data, or a schema version this consumer does not know (checked before the fields are bound). */
    private static String dataProblem(JsonNode data, int supportedVersion) {
        if (data == null || !data.isObject()) {
            return "data must be a JSON object";
        }
        JsonNode version = data.get("schemaVersion");
        if (version == null || !version.isInt() || version.asInt() != supportedVersion) {
            return VERSION_PREFIX + (version == null ? "is missing" : version + " is not supported");
        }
        return null;
    }

    private static Decoded versionOrData(String problem) {
        return rejected(problem.startsWith(VERSION_PREFIX) ? Rejection.UNSUPPORTED_SCHEMA_VERSION
                : Rejection.INVALID_DATA, problem);
    }

    private static String violations(Set<? extends ConstraintViolation<?>> violations) {
        if (violations.isEmpty()) {
            return null;
        }
        return violations.stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage())
                .sorted(Comparator.naturalOrder())
                .collect(Collectors.joining("; "));
    }

    private static String zoneProblem(String zoneId) {
        try {
            ZoneId.of(zoneId);
            return null;
        } catch (DateTimeException e) {
            return "zoneId is not a known time zone";
        }
    }

    private static String timeProblem(String field, Instant time) {
        return time.isBefore(EARLIEST) || !time.isBefore(LATEST) ? field + " must be between 2000 and 2100" : null;
    }

    private static String jsonProblem(java.io.IOException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String path = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return path + (e instanceof UnrecognizedPropertyException ? ": unknown field" : ": invalid value");
        }
        return "data does not match the schema";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static Decoded rejected(Rejection reason, String detail) {
        String bounded = detail == null ? reason.code()
                : detail.length() > MAX_DETAIL_LENGTH ? detail.substring(0, MAX_DETAIL_LENGTH) : detail;
        return new Decoded.Rejected(reason, bounded);
    }
}
