package org.backrelief.gateway.backend;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;

/** tracking-service's internal API; {@code userId} is always the caller's token subject. */
@Singleton
public class TrackingClient {

    private static final String JSON = MediaType.APPLICATION_JSON;

    private final BackendHttp http;

    @Inject
    public TrackingClient(BackendConnections connections, @ConfigProperty(name = "backrelief.backend.tracking.url") URI url) {
        this.http = connections.open(url);
    }

    private Uni<BackendAnswer> userGet(ForwardedHeaders headers, String userId, String rest, String rawQuery, String accept) {
        return http.request(GET, "/api/v1/users/" + Paths.segment(userId) + rest).rawQuery(rawQuery).accept(accept)
                .send(headers);
    }

    public Uni<BackendAnswer> history(ForwardedHeaders headers, String userId, String rawQuery) {
        return userGet(headers, userId, "/history", rawQuery, JSON);
    }

    public Uni<BackendAnswer> historyCsv(ForwardedHeaders headers, String userId, String rawQuery) {
        return userGet(headers, userId, "/history.csv", rawQuery, "text/csv");
    }

    public Uni<BackendAnswer> stats(ForwardedHeaders headers, String userId, String rawQuery) {
        return userGet(headers, userId, "/stats", rawQuery, JSON);
    }

    public Uni<BackendAnswer> painTrend(ForwardedHeaders headers, String userId, String rawQuery) {
        return userGet(headers, userId, "/pain-trend", rawQuery, JSON);
    }

    public Uni<BackendAnswer> exerciseStats(ForwardedHeaders headers, String userId, String exerciseId, String rawQuery) {
        return userGet(headers, userId, "/exercises/" + Paths.segment(exerciseId) + "/stats", rawQuery, JSON);
    }

    public Uni<BackendAnswer> rebuild(ForwardedHeaders headers) {
        return http.request(POST, "/api/v1/admin/rebuild").accept(JSON).send(headers);
    }
}
