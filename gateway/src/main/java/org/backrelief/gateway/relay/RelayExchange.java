package org.backrelief.gateway.relay;

import java.util.function.Function;

import org.backrelief.gateway.backend.BackendException;
import org.backrelief.gateway.backend.ForwardedHeaders;
import org.backrelief.gateway.backend.Outcome;
import org.backrelief.gateway.backend.Relay;
import org.backrelief.gateway.backend.StreamedAnswer;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * One relayed request after its checks passed: the backend call under its guard, the request body streamed to the
 * backend (counted against the body limit) and the answer streamed back to the client as it arrives — status and
 * headers first, then the body chunk by chunk with back-pressure, never held whole. The client going away abandons
 * the call (or resets the backend's stream); a backend that breaks off mid-body resets the client's connection, as a
 * reverse proxy does (the status was sent already). All on the request's event loop, with plain callbacks.
 */
final class RelayExchange implements Outcome<StreamedAnswer> {

    private static final Logger LOG = Logger.getLogger(RelayExchange.class);

    private final RelayRoutes relay;
    private final RelayTable.Match match;
    private final RelayRoute route;
    private final RoutingContext context;
    private final String requestId;
    private Cancellable call;
    private HttpClientResponse streaming;
    private boolean refused;

    RelayExchange(RelayRoutes relay, RelayTable.Match match, RoutingContext context, String requestId) {
        this.relay = relay;
        this.match = match;
        this.route = match.route();
        this.context = context;
        this.requestId = requestId;
    }

    void start(String subject) {
        HttpServerRequest request = context.request();
        Function<String, String> values = name -> RelayRoute.USER_ID.equals(name) ? subject : match.value(name);
        ForwardedHeaders forwarded = ForwardedHeaders.of(request::getHeader, requestId, relay.passTraceContext());
        BackendCalls.Conditions conditions = new BackendCalls.Conditions(request.getHeader(HttpHeaders.ACCEPT),
                request.getHeader(HttpHeaders.IF_MATCH), request.getHeader(HttpHeaders.IF_NONE_MATCH),
                request.getHeader(HttpHeaders.CONTENT_TYPE));
        context.response().closeHandler(v -> clientGone());
        call = relay.calls().stream(route, request.method(), values, request.query(), forwarded, conditions,
                route.takesBody() ? body(request) : null, this);
        if (refused) {
            call.cancel(); // the body went over the limit before the call was even returned
        }
    }

    /** Read whole already (a body handler ran), nothing to read, or to stream with the limit counted. */
    private BackendCalls.Body body(HttpServerRequest request) {
        io.vertx.ext.web.RequestBody parsed = context.body();
        if (parsed != null && parsed.available()) {
            return new BackendCalls.Body(parsed.buffer(), null, null);
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (request.isEnded() || "0".equals(length)) {
            return null; // no body: none is sent, as the client sent none
        }
        return new BackendCalls.Body(null, new LimitedBody(request, relay.maxBodyBytes(), this::overLimit), length);
    }

    @Override
    public void answered(StreamedAnswer answer) {
        HttpServerResponse response = context.response();
        HttpClientResponse in = answer.response();
        if (refused || response.ended() || response.closed()) {
            in.request().reset();
            return;
        }
        streaming = in;
        int status = in.statusCode();
        response.setStatusCode(status);
        Relay.copyHeaders(answer, response.headers());
        String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, length);
        } else if (status >= 200 && status != 204 && status != 304 && context.request().method() != HttpMethod.HEAD) {
            response.setChunked(true);
        }
        in.exceptionHandler(this::brokeOff);
        in.handler(this::chunk);
        in.endHandler(v -> {
            streaming = null;
            if (!response.closed()) {
                response.end();
            }
        });
        in.resume();
    }

    private void chunk(Buffer chunk) {
        HttpServerResponse response = context.response();
        if (response.closed()) {
            return;
        }
        response.write(chunk, null);
        if (response.writeQueueFull()) {
            HttpClientResponse in = streaming;
            in.pause();
            response.drainHandler(v -> in.resume());
        }
    }

    private void brokeOff(Throwable failure) {
        streaming = null;
        LOG.warnf("%s broke off its answer: %s", route.backend().serviceName(), failure);
        HttpServerResponse response = context.response();
        if (!response.closed()) {
            response.reset();
        }
    }

    @Override
    public void failed(Throwable failure) {
        HttpServerResponse response = context.response();
        if (refused || response.ended() || response.closed()) {
            return;
        }
        BackendException e = Relay.failure(route.backend(), failure);
        if (e.status() == 503) {
            response.putHeader(HttpHeaders.RETRY_AFTER, Integer.toString(relay.retryAfterSeconds()));
            relay.problems().send(context, 503, "unavailable", "Service unavailable", e.getMessage(), requestId);
        } else {
            relay.problems().send(context, e.status(), "bad-gateway", "Bad gateway", e.getMessage(), requestId);
        }
    }

    /** The client went away: the guard abandons the call (no retry, nothing counted), or the stream is reset. */
    private void clientGone() {
        abandonBackend();
    }

    /** Resets the backend stream if the answer is streaming, else cancels the guarded call (nothing counted). */
    private void abandonBackend() {
        HttpClientResponse in = streaming;
        if (in != null) {
            streaming = null;
            in.request().reset();
        } else if (call != null) {
            call.cancel();
        }
    }

    /** A chunked body grew past the limit: the call is abandoned and the client told 413, its connection closed. */
    private void overLimit() {
        refused = true;
        abandonBackend();
        HttpServerResponse response = context.response();
        if (response.headWritten()) {
            response.reset();
            return;
        }
        response.putHeader(HttpHeaders.CONNECTION, "close");
        relay.problems().send(context, 413, "payload-too-large", "Payload too large", relay.tooLarge(), requestId);
    }
}
