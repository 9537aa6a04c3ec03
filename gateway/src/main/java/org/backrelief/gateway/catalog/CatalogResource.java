package org.backrelief.gateway.catalog;

import static org.backrelief.gateway.backend.Backend.CATALOG;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.backrelief.common.domain.Roles;
import org.backrelief.common.problem.Problem;
import org.backrelief.gateway.backend.Backend;
import org.backrelief.gateway.backend.BackendGuard;
import org.backrelief.gateway.backend.CatalogClient;
import org.backrelief.gateway.backend.ForwardedHeaders;
import org.backrelief.gateway.backend.Forwarding;
import org.backrelief.gateway.backend.Guarding;
import org.backrelief.gateway.backend.Relay;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** The exercise catalog: anyone may read it, editors change it. Relayed 1:1 to catalog-service. */
@Path("/api/v1")
@Tag(name = "Catalog", description = "Exercises and workout phases from the guide")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    @Inject
    CatalogClient catalog;

    @Inject
    @Guarding(Backend.CATALOG)
    BackendGuard guard;

    @Inject
    Forwarding forwarding;

    @GET
    @Path("/exercises")
    @PermitAll
    @Operation(summary = "Search exercises", description = "All catalog filters and paging are passed on as given.")
    @Parameters({
            @Parameter(name = "phase", in = ParameterIn.QUERY, description = "WARM_UP, STRENGTHENING, STRETCHING, LOW_IMPACT_CARDIO, COOL_DOWN"),
            @Parameter(name = "target", in = ParameterIn.QUERY, description = "e.g. CORE, LOWER_BACK, GLUTES"),
            @Parameter(name = "equipment", in = ParameterIn.QUERY, description = "Repeatable: \"I have only these\" (NONE = nothing)"),
            @Parameter(name = "position", in = ParameterIn.QUERY, description = "e.g. STANDING, SEATED, SUPINE"),
            @Parameter(name = "excludePosition", in = ParameterIn.QUERY, description = "Repeatable: positions to leave out"),
            @Parameter(name = "impact", in = ParameterIn.QUERY, description = "NONE, LOW, MODERATE"),
            @Parameter(name = "maxDifficulty", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.INTEGER)),
            @Parameter(name = "level", in = ParameterIn.QUERY, description = "BEGINNER, INTERMEDIATE, ADVANCED"),
            @Parameter(name = "q", in = ParameterIn.QUERY, description = "Free text over names and aliases"),
            @Parameter(name = "page", in = ParameterIn.QUERY, description = "0-based", schema = @Schema(type = SchemaType.INTEGER)),
            @Parameter(name = "size", in = ParameterIn.QUERY, description = "Default 20, max 100", schema = @Schema(type = SchemaType.INTEGER)),
            @Parameter(name = "sort", in = ParameterIn.QUERY) })
    @APIResponse(responseCode = "200", description = "A page of exercises: {items, page, size, total}, with an ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "Invalid filter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> search(HttpServerRequest request, @RestHeader(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ForwardedHeaders headers = forwarding.current();
        return Relay.pass(CATALOG, guard.read(() -> catalog.exercises(headers, request.query(), ifNoneMatch)));
    }

    @GET
    @Path("/exercises/{id}")
    @PermitAll
    @Operation(summary = "One exercise", description = "Send If-None-Match with the ETag you have to get 304 when unchanged.")
    @APIResponse(responseCode = "200", description = "The exercise, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such exercise",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> exercise(@RestPath String id, @RestHeader(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ForwardedHeaders headers = forwarding.current();
        return Relay.pass(CATALOG, guard.read(() -> catalog.exercise(headers, id, ifNoneMatch)));
    }

    @GET
    @Path("/phases")
    @PermitAll
    @Operation(summary = "The five workout phases in order, with their purpose and rules")
    @APIResponse(responseCode = "200", description = "The phases",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY)))
    public Uni<Response> phases(HttpServerRequest request) {
        ForwardedHeaders headers = forwarding.current();
        return Relay.pass(CATALOG, guard.read(() -> catalog.phases(headers, request.query())));
    }

    @GET
    @Path("/phases/{phase}/exercises")
    @PermitAll
    @Operation(summary = "The exercises of one phase", description = "Takes the same filters and paging as GET /api/v1/exercises.")
    @APIResponse(responseCode = "200", description = "A page of the exercises of the phase, with an ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "Invalid filter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such phase",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> phaseExercises(@RestPath String phase, HttpServerRequest request,
            @RestHeader(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ForwardedHeaders headers = forwarding.current();
        return Relay.pass(CATALOG,
                guard.read(() -> catalog.phaseExercises(headers, phase, request.query(), ifNoneMatch)));
    }

    @POST
    @Path("/exercises")
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an exercise (editor)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "Invalid exercise",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The id is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(byte[] body) {
        ForwardedHeaders headers = forwarding.current();
        return Relay.pass(CATALOG, guard.write(() -> catalog.create(headers, body)));
    }

    @PUT
    @Path("/exercises/{id}")
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an exercise (editor)", description = "Optimistic concurrency: send If-Match with the ETag (or the body's version).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "200", description = "The changed exercise",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No such exercise",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Changed by someone else meanwhile (stale version)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> update(@RestPath String id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        ForwardedHeaders headers = forwarding.current();
        return Relay.pass(CATALOG, guard.write(() -> catalog.update(headers, id, ifMatch, body)));
    }

    @DELETE
    @Path("/exercises/{id}")
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Retire an exercise (editor)", description = "A soft delete: plans that used it keep their history.")
    @APIResponse(responseCode = "204", description = "Retired")
    @APIResponse(responseCode = "404", description = "No such exercise",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> delete(@RestPath String id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        ForwardedHeaders headers = forwarding.current();
        return Relay.pass(CATALOG, guard.write(() -> catalog.delete(headers, id, ifMatch)));
    }
}
