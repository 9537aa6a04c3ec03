package org.backrelief.common.problem;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.backrelief.common.web.RequestIds;

/** Builds problem+json responses; the single place that decides how an error looks on the wire. */
public final class Problems {

    private Problems() {
    }

    public static Response response(int status, String slug, String title, String detail, String instance,
            List<Problem.Violation> violations) {
        Problem problem = new Problem(Problem.type(slug), title, status, detail, instance, RequestIds.current(),
                violations);
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        if (RequestIds.current() != null) {
            builder.header(RequestIds.HEADER, RequestIds.current());
        }
        return builder.build();
    }

    public static String titleFor(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "HTTP " + status;
    }

    public static String slugFor(int status) {
        return switch (status) {
            case 400 -> "validation";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 412 -> "precondition-failed";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 428 -> "precondition-required";
            case 429 -> "too-many-requests";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal" : "http-" + status;
        };
    }
}
