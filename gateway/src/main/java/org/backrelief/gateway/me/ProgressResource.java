package org.backrelief.gateway.me;

import static org.backrelief.gateway.backend.Backend.TRACKING;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.backrelief.common.domain.Roles;
import org.backrelief.common.problem.Problem;
import org.backrelief.gateway.backend.Backend;
import org.backrelief.gateway.backend.BackendGuard;
import org.backrelief.gateway.backend.ForwardedHeaders;
import org.backrelief.gateway.backend.Forwarding;
import org.backrelief.gateway.backend.Guarding;
import org.backrelief.gateway.backend.Relay;
import org.backrelief.gateway.backend.TrackingClient;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * The signed-in user's history and progress, relayed to tracking-service's {@code /users/{userId}/...} with the
 * token's subject as the user id: a client can never name another user.
 */
@Path("/api/v1/me")
@Tag(name = "Me: progress", description = "Your history, streaks, adherence and pain trend")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.USER)
public class ProgressResource {

    @Inject
    TrackingClient tracking;

    @Inject
    @Guarding(Backend.TRACKING)
    BackendGuard guard;

    @Inject
    Forwarding forwarding;

    @Inject
    JsonWebToken token;

    @GET
    @Path("/history")
    @Operation(summary = "Your completed sessions and check-ins, newest first")
    @Parameters({
            @Parameter(name = "from", in = ParameterIn.QUERY, description = "First day (ISO date)", schema = @Schema(type = SchemaType.STRING, format = "date")),
            @Parameter(name = "to", in = ParameterIn.QUERY, description = "Last day (ISO date)", schema = @Schema(type = SchemaType.STRING, format = "date")),
            @Parameter(name = "page", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.INTEGER)),
            @Parameter(name = "size", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.INTEGER)) })
    @APIResponse(responseCode = "200", description = "A page of history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Uni<Response> history(HttpServerRequest request) {
        ForwardedHeaders headers = forwarding.current();
        String user = token.getSubject();
        return Relay.pass(TRACKING, guard.read(() -> tracking.history(headers, user, request.query())));
    }

    @GET
    @Path("/history.csv")
    @Produces("text/csv")
    @Operation(summary = "Your history as CSV (for a spreadsheet or your doctor)")
    @Parameters({
            @Parameter(name = "from", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING, format = "date")),
            @Parameter(name = "to", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING, format = "date")) })
    @APIResponse(responseCode = "200", description = "CSV, one row per completed session",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> historyCsv(HttpServerRequest request) {
        ForwardedHeaders headers = forwarding.current();
        String user = token.getSubject();
        return Relay.pass(TRACKING, guard.read(() -> tracking.historyCsv(headers, user, request.query())));
    }

    @GET
    @Path("/stats")
    @Operation(summary = "Your statistics: streaks, weekly adherence, totals")
    @APIResponse(responseCode = "200", description = "Your statistics",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Uni<Response> stats(HttpServerRequest request) {
        ForwardedHeaders headers = forwarding.current();
        String user = token.getSubject();
        return Relay.pass(TRACKING, guard.read(() -> tracking.stats(headers, user, request.query())));
    }

    @GET
    @Path("/pain-trend")
    @Operation(summary = "Your pain ratings over time")
    @Parameters({
            @Parameter(name = "from", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING, format = "date")),
            @Parameter(name = "to", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING, format = "date")) })
    @APIResponse(responseCode = "200", description = "Pain per day",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Uni<Response> painTrend(HttpServerRequest request) {
        ForwardedHeaders headers = forwarding.current();
        String user = token.getSubject();
        return Relay.pass(TRACKING, guard.read(() -> tracking.painTrend(headers, user, request.query())));
    }

    @GET
    @Path("/exercises/{exerciseId}/stats")
    @Operation(summary = "Your progress on one exercise")
    @APIResponse(responseCode = "200", description = "Sets, reps, holds and skips over time",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "You have not done this exercise",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> exerciseStats(@RestPath String exerciseId, HttpServerRequest request) {
        ForwardedHeaders headers = forwarding.current();
        String user = token.getSubject();
        return Relay.pass(TRACKING,
                guard.read(() -> tracking.exerciseStats(headers, user, exerciseId, request.query())));
    }
}
