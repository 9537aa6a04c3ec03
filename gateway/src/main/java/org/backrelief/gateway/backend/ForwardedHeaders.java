package org.backrelief.gateway.backend;

import java.util.function.Function;

import jakarta.ws.rs.core.HttpHeaders;

import org.backrelief.common.web.RequestIds;

import io.vertx.core.MultiMap;

/**
 * The headers every backend call carries: the caller's bearer token (each service verifies it again), the request
 * id, the client's {@code Idempotency-Key} (each service keeps its own keys) and, when the gateway does not trace
 * itself, the caller's W3C trace context. Captured once per request, so a
 * retried call carries the same values even when it runs outside the request's context. A null value is not sent.
 */
public class ForwardedHeaders {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    public final String authorization;
    public final String requestId;
    public final String traceparent;
    public final String tracestate;
    public final String idempotencyKey;

    public ForwardedHeaders(String authorization, String requestId, String traceparent, String tracestate) {
        this(authorization, requestId, traceparent, tracestate, null);
    }

    public ForwardedHeaders(String authorization, String requestId, String traceparent, String tracestate,
            String idempotencyKey) {
        this.authorization = authorization;
        this.requestId = requestId;
        this.traceparent = traceparent;
        this.tracestate = tracestate;
        this.idempotencyKey = idempotencyKey;
    }

    /**
     * @param incoming the client's request headers
     * @param requestId the id the gateway uses for this request (accepted or created by the commons filter)
     * @param passTraceContext true when no OpenTelemetry SDK runs here to create a child span and inject it
     */
    public static ForwardedHeaders of(HttpHeaders incoming, String requestId, boolean passTraceContext) {
        return of(incoming::getHeaderString, requestId, passTraceContext);
    }

    /** The same from any header lookup (a Vert.x request's {@code getHeader}). */
    public static ForwardedHeaders of(Function<String, String> incoming, String requestId, boolean passTraceContext) {
        String id = requestId != null ? requestId : RequestIds.acceptOrCreate(incoming.apply(RequestIds.HEADER));
        return new ForwardedHeaders(incoming.apply(HttpHeaders.AUTHORIZATION), id,
                passTraceContext ? incoming.apply(TRACEPARENT) : null,
                passTraceContext ? incoming.apply(TRACESTATE) : null,
                incoming.apply(IDEMPOTENCY_KEY));
    }

    /** Sets the non-null values on a backend request. */
    void applyTo(MultiMap headers) {
        set(headers, HttpHeaders.AUTHORIZATION, authorization);
        set(headers, RequestIds.HEADER, requestId);
        set(headers, TRACEPARENT, traceparent);
        set(headers, TRACESTATE, tracestate);
        set(headers, IDEMPOTENCY_KEY, idempotencyKey);
    }

    private static void set(MultiMap headers, String name, String value) {
        if (value != null) {
            headers.set(name, value);
        }
    }
}
