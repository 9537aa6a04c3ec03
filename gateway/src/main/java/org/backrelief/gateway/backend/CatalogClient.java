package org.backrelief.gateway.backend;

import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;

/** catalog-service's internal API; bodies and query strings travel as they came. */
@Singleton
public class CatalogClient {

    private static final String JSON = MediaType.APPLICATION_JSON;

    private final BackendHttp http;

    @Inject
    public CatalogClient(BackendConnections connections, @ConfigProperty(name = "backrelief.backend.catalog.url") URI url) {
        this.http = connections.open(url);
    }

    public Uni<BackendAnswer> exercises(ForwardedHeaders headers, String rawQuery, String ifNoneMatch) {
        return http.request(GET, "/api/v1/exercises").rawQuery(rawQuery).accept(JSON)
                .header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch).send(headers);
    }

    public Uni<BackendAnswer> exercise(ForwardedHeaders headers, String id, String ifNoneMatch) {
        return http.request(GET, "/api/v1/exercises/" + Paths.segment(id)).accept(JSON)
                .header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch).send(headers);
    }

    public Uni<BackendAnswer> phases(ForwardedHeaders headers, String rawQuery) {
        return http.request(GET, "/api/v1/phases").rawQuery(rawQuery).accept(JSON).send(headers);
    }

    public Uni<BackendAnswer> phaseExercises(ForwardedHeaders headers, String phase, String rawQuery, String ifNoneMatch) {
        return http.request(GET, "/api/v1/phases/" + Paths.segment(phase) + "/exercises").rawQuery(rawQuery).accept(JSON)
                .header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch).send(headers);
    }

    public Uni<BackendAnswer> create(ForwardedHeaders headers, byte[] body) {
        return http.request(POST, "/api/v1/exercises").accept(JSON).jsonBody(body).send(headers);
    }

    public Uni<BackendAnswer> update(ForwardedHeaders headers, String id, String ifMatch, byte[] body) {
        return http.request(PUT, "/api/v1/exercises/" + Paths.segment(id)).accept(JSON)
                .header(HttpHeaders.IF_MATCH, ifMatch).jsonBody(body).send(headers);
    }

    public Uni<BackendAnswer> delete(ForwardedHeaders headers, String id, String ifMatch) {
        return http.request(DELETE, "/api/v1/exercises/" + Paths.segment(id)).accept(JSON)
                .header(HttpHeaders.IF_MATCH, ifMatch).send(headers);
    }
}
