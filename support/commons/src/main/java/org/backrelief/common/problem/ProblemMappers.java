package org.backrelief.common.problem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every exception that reaches the REST layer into a problem+json response.
 * Internal details of unexpected failures are logged, never sent.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Seconds a client should wait before retrying when a dependency (the database) is out of reach. */
    static final String RETRY_AFTER_SECONDS = "5";
    /**
     * MongoDB driver failures meaning "the database is not there", matched by name so that services without the
     * driver (the gateway) can share this class.
     */
    private static final Set<String> DATABASE_UNAVAILABLE = Set.of("com.mongodb.MongoTimeoutException",
            "com.mongodb.MongoSocketOpenException", "com.mongodb.MongoSocketReadException",
            "com.mongodb.MongoSocketWriteException", "com.mongodb.MongoSocketException",
            "com.mongodb.MongoSocketReadTimeoutException", "com.mongodb.MongoNotPrimaryException",
            "com.mongodb.MongoNodeIsRecoveringException");

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return Problems.response(e.status(), e.slug(), e.title(), e.getMessage(), path(uri), e.violations());
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; "));
        return Problems.response(400, "validation", "Invalid request", detail, path(uri), violations);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unrecognizedField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return Problems.response(400, "validation", "Invalid request", "Unknown field '" + field + "'", path(uri),
                List.of(new Problem.Violation(field, "unknown field")));
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        String field = jsonPath(e);
        String message = "invalid value '" + e.getValue() + "'" + allowedValues(e.getTargetType());
        return Problems.response(400, "validation", "Invalid request", field + ": " + message, path(uri),
                List.of(new Problem.Violation(field, message)));
    }

    /**
     * JSON of the wrong shape: an object where text is expected (e.g. {@code "name": {"$ne": ""}}), an array instead
     * of an object. Quarkus ships a mapper for this type that answers without a problem body; this one takes precedence.
     */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e);
        String expected = "expected " + describe(e.getTargetType());
        if (field.isEmpty()) {
            return Problems.response(400, "validation", "Invalid request", "The body must be " + describe(e.getTargetType()),
                    path(uri), List.of());
        }
        return Problems.response(400, "validation", "Invalid request", field + ": " + expected, path(uri),
                List.of(new Problem.Violation(field, expected)));
    }

    @ServerExceptionMapper(priority = 2)
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e);
        String message = field.isEmpty() ? "malformed request body" : "invalid value";
        return Problems.response(400, "validation", "Invalid request",
                field.isEmpty() ? message : field + ": " + message, path(uri),
                field.isEmpty() ? List.of() : List.of(new Problem.Violation(field, message)));
    }

    @ServerExceptionMapper(priority = 3)
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return Problems.response(400, "malformed-json", "Malformed JSON",
                "The request body is not valid JSON", path(uri), List.of());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorizedResponse(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorizedResponse(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problems.response(403, "forbidden", "Forbidden", "Your role does not allow this", path(uri), List.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        Response problem = Problems.response(status, Problems.slugFor(status), Problems.titleFor(status),
                status >= 500 ? "The request could not be completed" : e.getMessage(), path(uri), List.of());
        String retryAfter = e.getResponse().getHeaderString("Retry-After");
        return retryAfter == null ? problem : Response.fromResponse(problem).header("Retry-After", retryAfter).build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (isDatabaseUnavailable(e)) {
            // the request was fine, the database was not there: a 503 the client may retry, not a 500
            LOG.warnf("Database unavailable: %s", e.getMessage());
            return Response.fromResponse(Problems.response(503, "unavailable", "Service unavailable",
                    "The database is unavailable; try again shortly", path(uri), List.of()))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        LOG.error("Unexpected failure", e);
        return Problems.response(500, "internal", "Internal error", "The request could not be completed", path(uri),
                List.of());
    }

    private static Response unauthorizedResponse(UriInfo uri) {
        return Response.fromResponse(Problems.response(401, "unauthorized", "Unauthorized",
                "A valid bearer token is required", path(uri), List.of()))
                .header("WWW-Authenticate", "Bearer").build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    /** The JSON path of the failing field, e.g. {@code exercises[2].reps}. */
    static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * The client-facing path of a violation, e.g. {@code painAfter} or {@code exercises[2].reps}: the method name
     * is dropped, and so is the parameter name when the violation lies inside a request body.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        boolean startsWithParameter = false;
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                startsWithParameter = parts.isEmpty();
            }
            if (node.getIndex() != null && !parts.isEmpty()) {
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getIndex() + "]");
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                parts.add(name);
            }
        }
        if (startsWithParameter && parts.size() > 1) {
            parts.remove(0);
        }
        return String.join(".", parts);
    }

    static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
                if (DATABASE_UNAVAILABLE.contains(type.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a JSON object";
        }
        return "a value of another type";
    }

    private static String allowedValues(Class<?> type) {
        if (type != null && type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            List<String> names = new ArrayList<>();
            for (Object constant : constants) {
                names.add(((Enum<?>) constant).name());
            }
            return "; allowed: " + String.join(", ", names);
        }
        return "";
    }
}
