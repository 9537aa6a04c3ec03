package org.backrelief.gateway.relay;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.backrelief.gateway.backend.Backend;
import org.backrelief.gateway.backend.BackendAnswer;
import org.backrelief.gateway.backend.BackendCall;
import org.backrelief.gateway.backend.BackendConnections;
import org.backrelief.gateway.backend.BackendHttp;
import org.backrelief.gateway.backend.ForwardedHeaders;
import org.backrelief.gateway.backend.Guard;
import org.backrelief.gateway.backend.Guarding;
import org.backrelief.gateway.backend.Outcome;
import org.backrelief.gateway.backend.StreamedAnswer;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.streams.ReadStream;

/**
 * Calls the backend of a {@link RelayRoute} under that backend's {@link Guard}: reads with retries and the read
 * timeout, writes once with the write timeout. Used by the relay and by the composed routes (the dashboard).
 */
@Singleton
public class BackendCalls {

    private final Map<Backend, BackendHttp> connections = new EnumMap<>(Backend.class);
    private final Map<Backend, Guard> guards = new EnumMap<>(Backend.class);

    @Inject
    public BackendCalls(BackendConnections pools, @Guarding(Backend.CATALOG) Guard catalogGuard,
            @Guarding(Backend.PLANNER) Guard plannerGuard, @Guarding(Backend.TRACKING) Guard trackingGuard) {
        for (Backend backend : Backend.values()) {
            connections.put(backend, pools.open(backend));
        }
        guards.put(Backend.CATALOG, catalogGuard);
        guards.put(Backend.PLANNER, plannerGuard);
        guards.put(Backend.TRACKING, trackingGuard);
    }

    /** What the client's request adds to the backend call besides the {@link ForwardedHeaders}. */
    public record Conditions(String accept, String ifMatch, String ifNoneMatch, String contentType) {
        public static final Conditions NONE = new Conditions(null, null, null, null);
    }

    /**
     * One guarded call whose answer streams: the outcome gets it as soon as its status and headers are in.
     *
     * @param method the route's method, or HEAD for a GET route
     * @param values the path parameters' decoded values by name, and {@link RelayRoute#USER_ID} the token subject
     * @param rawQuery the client's query string as it came (still encoded), or null
     * @param body the request body streamed from the client, or null
     * @return abandons the call (no retry, nothing counted against the backend)
     */
    public Cancellable stream(RelayRoute route, HttpMethod method, Function<String, String> values, String rawQuery,
            ForwardedHeaders forwarded, Conditions conditions, Body body, Outcome<? super StreamedAnswer> outcome) {
        BackendHttp http = connections.get(route.backend());
        String path = route.backendPath(values);
        // a retry sends a fresh request (reads only: they have no body)
        BackendCall<StreamedAnswer> send = attempt -> prepare(http.request(method, path), route, rawQuery, conditions, body)
                .stream(forwarded, attempt);
        Guard guard = guards.get(route.backend());
        return route.call() == RelayRoute.Call.READ ? guard.read(send, outcome) : guard.write(send, outcome);
    }

    /** One guarded read of a route without a client request behind it (the dashboard's parts), its answer read whole. */
    public Uni<BackendAnswer> fetch(RelayRoute route, Function<String, String> values, ForwardedHeaders forwarded) {
        BackendHttp http = connections.get(route.backend());
        String path = route.backendPath(values);
        return guards.get(route.backend()).read(
                () -> prepare(http.request(route.method(), path), route, null, Conditions.NONE, null).send(forwarded));
    }

    /** The request body as it came: already read whole (a buffer), or still to stream (declared length or chunked). */
    public record Body(Buffer whole, ReadStream<Buffer> stream, String contentLength) {
    }

    private static BackendHttp.Request prepare(BackendHttp.Request request, RelayRoute route, String rawQuery,
            Conditions conditions, Body body) {
        request.rawQuery(rawQuery)
                .accept(conditions.accept() != null ? conditions.accept() : route.produces())
                .header(HttpHeaders.IF_MATCH, conditions.ifMatch())
                .header(HttpHeaders.IF_NONE_MATCH, conditions.ifNoneMatch());
        if (body != null && body.stream() != null) {
            request.stream(body.stream(), conditions.contentType(), body.contentLength());
        } else if (body != null) {
            request.body(body.whole(), conditions.contentType());
        }
        return request;
    }
}
