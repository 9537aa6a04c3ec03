package org.backrelief.planner.plan;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.backrelief.common.domain.Roles;
import org.backrelief.common.idempotency.Idempotency;
import org.backrelief.common.idempotency.IdempotencyKeys;
import org.backrelief.common.problem.Problem;
import org.backrelief.planner.support.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me/plans")
@Tag(name = "Plans", description = "Multi-week programs with graded progression")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlanResource {

    private final PlanService plans;
    private final CurrentUser user;
    private final Idempotency idempotency;

    public PlanResource(PlanService plans, CurrentUser user, Idempotency idempotency) {
        this.plans = plans;
        this.user = user;
        this.idempotency = idempotency;
    }

    @POST
    @Operation(summary = "Create a program from your profile (replaces the current one)")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "No profile yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A red flag stands, or no safe routine fits the profile",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The catalog cannot be reached and nothing is cached",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid CreatePlanRequest request,
            @Parameter(name = IdempotencyKeys.HEADER, description = IdempotencyKeys.HEADER_DESCRIPTION) @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return idempotency.run(idempotencyKey, user.id(), "POST /api/v1/me/plans", request, key -> {
            PlanView plan = plans.create(user.id(), request, key);
            return Response.created(URI.create("/api/v1/me/plans/current")).entity(plan).build();
        });
    }

    @GET
    @Path("/current")
    @Operation(summary = "Your current program, with every adjustment and its reason")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "No program yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PlanView current() {
        return plans.current(user.id());
    }
}
