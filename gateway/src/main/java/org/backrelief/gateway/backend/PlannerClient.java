package org.backrelief.gateway.backend;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;

/** planner-service's internal API; bodies travel as raw bytes, the user is the token's subject. */
@Singleton
public class PlannerClient {

    private static final String JSON = MediaType.APPLICATION_JSON;

    private final BackendHttp http;

    @Inject
    public PlannerClient(BackendConnections connections, @ConfigProperty(name = "backrelief.backend.planner.url") URI url) {
        this.http = connections.open(url);
    }

    private Uni<BackendAnswer> call(HttpMethod method, String path, ForwardedHeaders headers, byte[] body) {
        return http.request(method, path).accept(JSON).jsonBody(body).send(headers);
    }

    public Uni<BackendAnswer> preview(ForwardedHeaders headers, byte[] body) {
        return call(POST, "/api/v1/routines/preview", headers, body);
    }

    public Uni<BackendAnswer> profile(ForwardedHeaders headers) {
        return call(GET, "/api/v1/me/profile", headers, null);
    }

    public Uni<BackendAnswer> saveProfile(ForwardedHeaders headers, byte[] body) {
        return call(PUT, "/api/v1/me/profile", headers, body);
    }

    public Uni<BackendAnswer> createPlan(ForwardedHeaders headers, byte[] body) {
        return call(POST, "/api/v1/me/plans", headers, body);
    }

    public Uni<BackendAnswer> currentPlan(ForwardedHeaders headers) {
        return call(GET, "/api/v1/me/plans/current", headers, null);
    }

    public Uni<BackendAnswer> nextSession(ForwardedHeaders headers) {
        return call(GET, "/api/v1/me/sessions/next", headers, null);
    }

    public Uni<BackendAnswer> session(ForwardedHeaders headers, String sessionId) {
        return call(GET, "/api/v1/me/sessions/" + Paths.segment(sessionId), headers, null);
    }

    public Uni<BackendAnswer> complete(ForwardedHeaders headers, String sessionId, byte[] body) {
        return call(POST, "/api/v1/me/sessions/" + Paths.segment(sessionId) + "/completion", headers, body);
    }

    public Uni<BackendAnswer> checkIn(ForwardedHeaders headers, byte[] body) {
        return call(POST, "/api/v1/me/checkins", headers, body);
    }
}
