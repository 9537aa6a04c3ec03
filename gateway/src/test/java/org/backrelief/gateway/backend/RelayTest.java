package org.backrelief.gateway.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.ConnectException;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

class RelayTest {

    @Test
    void locationOfABackendPointsAtTheGateway() {
        assertEquals("/api/v1/exercises/bird-dog", Relay.publicLocation("http://10.0.0.7:8081/api/v1/exercises/bird-dog"));
        assertEquals("/api/v1/x?a=1", Relay.publicLocation("http://catalog:8081/api/v1/x?a=1"));
        assertEquals("/api/v1/exercises/y", Relay.publicLocation("/api/v1/exercises/y"));
    }

    @Test
    void outagesBecome503NamingTheBackend() {
        for (Throwable failure : new Throwable[] { new ConnectException("refused"), new TimeoutException("slow"),
                new GuardRefusal(Backend.TRACKING, GuardRefusal.Reason.CIRCUIT_OPEN),
                new GuardRefusal(Backend.TRACKING, GuardRefusal.Reason.TIMEOUT), new BackendServerError(Backend.TRACKING, 503) }) {
            BackendException e = Relay.failure(Backend.TRACKING, failure);
            assertEquals(503, e.status(), failure.toString());
            assertEquals("tracking-service is unavailable; try again shortly", e.getMessage());
        }
    }

    @Test
    void backendErrorsBecome502WithoutDetails() {
        BackendException e = Relay.failure(Backend.PLANNER, new BackendServerError(Backend.PLANNER, 500));
        assertEquals(502, e.status());
        assertEquals("planner-service failed to answer (HTTP 500)", e.getMessage());
    }

    @Test
    void aTranslatedFailureStaysAsItIs() {
        BackendException e = BackendException.badGateway(Backend.CATALOG, 500);
        assertSame(e, Relay.failure(Backend.CATALOG, e));
    }

    @Test
    void forwardedHeadersCarryTokenRequestIdAndTraceContextOnlyWhenNotTracingHere() {
        MultivaluedMap<String, String> incoming = new MultivaluedHashMap<>();
        incoming.putSingle("Authorization", "Bearer abc");
        incoming.putSingle("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        incoming.putSingle("tracestate", "vendor=1");
        incoming.putSingle("X-Request-Id", "from-client");
        incoming.putSingle("Idempotency-Key", "9b2f6a52-1c0e-4a57-8f2e-0d7f1f8a2c11");
        var headers = new TestHttpHeaders(incoming);

        ForwardedHeaders passing = ForwardedHeaders.of(headers, "req-1", true);
        assertEquals("Bearer abc", passing.authorization);
        assertEquals("req-1", passing.requestId);
        assertEquals("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", passing.traceparent);
        assertEquals("vendor=1", passing.tracestate);
        assertEquals("9b2f6a52-1c0e-4a57-8f2e-0d7f1f8a2c11", passing.idempotencyKey, "each service keeps its own keys");
        MultiMap sent = MultiMap.caseInsensitiveMultiMap();
        passing.applyTo(sent);
        assertEquals("9b2f6a52-1c0e-4a57-8f2e-0d7f1f8a2c11", sent.get("Idempotency-Key"));

        ForwardedHeaders tracing = ForwardedHeaders.of(headers, null, false);
        assertEquals("from-client", tracing.requestId, "the client's id when the filter has not run");
        assertNull(tracing.traceparent, "the OpenTelemetry SDK injects its own span's context");
        assertNull(tracing.tracestate);
    }

    @Test
    void anAnswerIsCopiedWithTheHeadersAClientNeeds() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("content-type", "application/json")
                .add("ETag", "\"bird-dog.v3\"").add("Location", "http://10.0.0.7:8081/api/v1/exercises/bird-dog")
                .add("Connection", "keep-alive").add("Server", "internal").add("Idempotent-Replayed", "true");
        MultiMap out = MultiMap.caseInsensitiveMultiMap();
        Relay.copyHeaders(new BackendAnswer(201, headers, Buffer.buffer("{\"id\":1}")), out);
        assertEquals("application/json", out.get("Content-Type"));
        assertEquals("\"bird-dog.v3\"", out.get("ETag"));
        assertEquals("/api/v1/exercises/bird-dog", out.get("Location"));
        assertEquals("true", out.get("Idempotent-Replayed"));
        assertNull(out.get("Connection"), "hop-by-hop headers stay behind");
        assertNull(out.get("Server"));
    }

    @Test
    void pathValuesStayOneSegment() {
        assertEquals("bird-dog", Paths.segment("bird-dog"));
        assertEquals("a%2F..%2Fadmin", Paths.segment("a/../admin"));
        assertEquals("x%3Fy%3D1%23z", Paths.segment("x?y=1#z"));
        assertEquals("%2E%2E", Paths.segment(".."));
        assertEquals("caf%C3%A9%20au%20lait", Paths.segment("café au lait"));
        assertEquals("%25", Paths.segment("%"));
    }
}
