package org.backrelief.gateway.relay;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.backrelief.gateway.backend.Backend;
import org.backrelief.gateway.backend.BackendAnswer;
import org.backrelief.gateway.backend.BackendConnections;
import org.backrelief.gateway.backend.BackendHttp;
import org.backrelief.gateway.backend.ForwardedHeaders;
import org.backrelief.gateway.backend.Guard;
import org.backrelief.gateway.backend.Guarding;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;

/**
 * Calls the backend of a {@link RelayRoute} under that backend's {@link Guard}: reads with retries and the read
 * timeout, writes once with the write timeout. Used by the relay and by the composed routes (the dashboard).
 */
@Singleton
public class BackendCalls {

    private final Map<Backend, BackendHttp> connections = new EnumMap<>(Backend.class);
    private final Map<Backend, Guard> guards = new EnumMap<>(Backend.class);

    @Inject
    public BackendCalls(BackendConnections pools,
            @ConfigProperty(name = "backrelief.backend.catalog.url") URI catalog,
            @ConfigProperty(name = "backrelief.backend.planner.url") URI planner,
            @ConfigProperty(name = "backrelief.backend.tracking.url") URI tracking,
            @Guarding(Backend.CATALOG) Guard catalogGuard, @Guarding(Backend.PLANNER) Guard plannerGuard,
            @Guarding(Backend.TRACKING) Guard trackingGuard) {
        connections.put(Backend.CATALOG, pools.open(catalog));
        connections.put(Backend.PLANNER, pools.open(planner));
        connections.put(Backend.TRACKING, pools.open(tracking));
        guards.put(Backend.CATALOG, catalogGuard);
        guards.put(Backend.PLANNER, plannerGuard);
        guards.put(Backend.TRACKING, trackingGuard);
    }

    /** What the client's request adds to the backend call besides the {@link ForwardedHeaders}. */
    public record Conditions(String accept, String ifMatch, String ifNoneMatch, String contentType) {
        public static final Conditions NONE = new Conditions(null, null, null, null);
    }

    /**
     * One guarded call.
     *
     * @param method the route's method, or HEAD for a GET route
     * @param values the path parameters' decoded values by name, and {@link RelayRoute#USER_ID} the token subject
     * @param rawQuery the client's query string as it came (still encoded), or null
     * @param body the request body, or null
     */
    public Uni<BackendAnswer> call(RelayRoute route, HttpMethod method, Function<String, String> values, String rawQuery,
            ForwardedHeaders forwarded, Conditions conditions, Buffer body) {
        BackendHttp http = connections.get(route.backend());
        String path = route.backendPath(values);
        String accept = conditions.accept() != null ? conditions.accept() : route.produces();
        // a retry sends a fresh request: a supplier, not a prepared one
        java.util.function.Supplier<Uni<BackendAnswer>> send = () -> http.request(method, path).rawQuery(rawQuery)
                .accept(accept)
                .header(HttpHeaders.IF_MATCH, conditions.ifMatch())
                .header(HttpHeaders.IF_NONE_MATCH, conditions.ifNoneMatch())
                .body(body, conditions.contentType())
                .send(forwarded);
        Guard guard = guards.get(route.backend());
        return route.call() == RelayRoute.Call.READ ? guard.read(send) : guard.write(send);
    }
}
