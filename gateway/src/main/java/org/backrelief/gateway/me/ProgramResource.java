package org.backrelief.gateway.me;

import static org.backrelief.gateway.backend.Backend.PLANNER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.backrelief.gateway.backend.PlannerClient;
import org.backrelief.gateway.backend.Relay;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import io.smallrye.mutiny.Uni;

/**
 * The signed-in user's profile, program and sessions, relayed to planner-service. The user is the token's subject:
 * no route takes a user id, and someone else's session id is answered 404 by the planner.
 */
@Path("/api/v1/me")
@Tag(name = "Me: program", description = "Your profile, program and sessions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.USER)
public class ProgramResource {

    @Inject
    PlannerClient planner;

    @Inject
    @Guarding(Backend.PLANNER)
    BackendGuard guard;

    @Inject
    Forwarding forwarding;

    @GET
    @Path("/profile")
    @Operation(summary = "Your profile")
    @APIResponse(responseCode = "200", description = "Your profile",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No profile yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> profile() {
        ForwardedHeaders headers = forwarding.current();
        return Relay.pass(PLANNER, guard.read(() -> planner.profile(headers)));
    }

    @PUT
    @Path("/profile")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace your profile", description = "Fitness level, equipment, positions to avoid, pain, schedule.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "200", description = "The saved profile",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "Invalid profile, with the fields named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> saveProfile(byte[] body) {
        ForwardedHeaders headers = forwarding.current();
        return Relay.pass(PLANNER, guard.write(() -> planner.saveProfile(headers, body)));
    }

    @POST
    @Path("/plans")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a program", description = "Builds a program from your profile; it becomes your current plan.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "201", description = "The new program",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "409", description = "No profile yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A red flag stands (see a clinician first), or no safe routine fits the profile",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> createPlan(byte[] body) {
        ForwardedHeaders headers = forwarding.current();
        byte[] payload = body == null || body.length == 0 ? null : body;
        return Relay.pass(PLANNER, guard.write(() -> planner.createPlan(headers, payload)));
    }

    @GET
    @Path("/plans/current")
    @Operation(summary = "Your current program")
    @APIResponse(responseCode = "200", description = "The current program",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No program yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> currentPlan() {
        ForwardedHeaders headers = forwarding.current();
        return Relay.pass(PLANNER, guard.read(() -> planner.currentPlan(headers)));
    }

    @GET
    @Path("/sessions/next")
    @Operation(summary = "Your next session", description = "The next scheduled session with its exercises, phase by phase.")
    @APIResponse(responseCode = "200", description = "The next session",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No program, or nothing left to do",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> nextSession() {
        ForwardedHeaders headers = forwarding.current();
        return Relay.pass(PLANNER, guard.read(() -> planner.nextSession(headers)));
    }

    @GET
    @Path("/sessions/{sessionId}")
    @Operation(summary = "One of your sessions")
    @APIResponse(responseCode = "200", description = "The session",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No such session of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> session(@RestPath String sessionId) {
        ForwardedHeaders headers = forwarding.current();
        return Relay.pass(PLANNER, guard.read(() -> planner.session(headers, sessionId)));
    }

    @POST
    @Path("/sessions/{sessionId}/completion")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Complete a session", description = "What you did of each exercise, pain before/after, exertion. It appears in your history shortly after.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "200", description = "Recorded (sending the same results again is answered the same)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No such session of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "Invalid results, or the session is in the future or expired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already completed with different results, or the plan was replaced",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> complete(@RestPath String sessionId, byte[] body) {
        ForwardedHeaders headers = forwarding.current();
        return Relay.pass(PLANNER, guard.write(() -> planner.complete(headers, sessionId, body)));
    }

    @POST
    @Path("/checkins")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record how your back feels", description = "A pain rating 0-10, usually the day after a session.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "Invalid check-in, with the fields named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> checkIn(byte[] body) {
        ForwardedHeaders headers = forwarding.current();
        return Relay.pass(PLANNER, guard.write(() -> planner.checkIn(headers, body)));
    }
}
