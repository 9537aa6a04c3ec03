package org.backrelief.planner.plan;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.backrelief.common.domain.Roles;
import org.backrelief.common.idempotency.Idempotency;
import org.backrelief.common.idempotency.IdempotencyKeys;
import org.backrelief.common.problem.Problem;
import org.backrelief.planner.completion.CompletionRequest;
import org.backrelief.planner.completion.CompletionService;
import org.backrelief.planner.completion.CompletionView;
import org.backrelief.planner.support.CurrentUser;
import org.backrelief.planner.support.Ids;
import org.backrelief.planner.safety.SafetyGate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me/sessions")
@Tag(name = "Sessions", description = "Today's routine and completing it")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final PlanService plans;
    private final CompletionService completions;
    private final CurrentUser user;
    private final Idempotency idempotency;

    public SessionResource(PlanService plans, CompletionService completions, CurrentUser user,
            Idempotency idempotency) {
        this.plans = plans;
        this.completions = completions;
        this.user = user;
        this.idempotency = idempotency;
    }

    @GET
    @Path("/next")
    @Operation(summary = "The next open session with today's routine",
            description = "status BLOCKED (no routine) when a red flag stands or pain has jumped since the red-flag"
                    + " screen; GENTLE_ONLY when the latest pain is " + SafetyGate.GENTLE_ONLY_PAIN + "/10 or more.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "404", description = "No program, or no open session left",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SessionView next() {
        return plans.next(user.id());
    }

    @GET
    @Path("/{sessionId}")
    @Operation(summary = "One of your sessions")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "404", description = "No such session of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SessionView get(@PathParam("sessionId") @Pattern(regexp = Ids.ID_PATTERN, message = Ids.ID_MESSAGE) String sessionId) {
        return plans.session(user.id(), sessionId);
    }

    @POST
    @Path("/{sessionId}/completion")
    @Operation(summary = "Complete a session (idempotent: a retry returns the same result and publishes nothing new)",
            description = "Accepted from the session's date (in your time zone) until the completion window closes"
                    + " (default 3 days later).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CompletionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid results, or the session is in the future or expired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such session of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already completed with different results, or plan replaced",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response complete(
            @PathParam("sessionId") @Pattern(regexp = Ids.ID_PATTERN, message = Ids.ID_MESSAGE) String sessionId,
            @Valid @NotNull CompletionRequest request,
            @Parameter(name = IdempotencyKeys.HEADER, description = IdempotencyKeys.HEADER_DESCRIPTION) @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        // completion is idempotent per session anyway; the key adds "another body with the same key is a mistake"
        return idempotency.run(idempotencyKey, user.id(), "POST /api/v1/me/sessions/" + sessionId + "/completion",
                request, key -> Response.ok(completions.complete(user.id(), sessionId, request)).build());
    }
}
