package org.backrelief.planner.checkin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.backrelief.planner.progression.PainAdaptation;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me/checkins")
@Tag(name = "Check-ins", description = "Pain reports between sessions")
@RolesAllowed(Roles.USER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CheckInResource {

    private final CheckInService checkIns;
    private final CurrentUser user;
    private final Idempotency idempotency;

    public CheckInResource(CheckInService checkIns, CurrentUser user, Idempotency idempotency) {
        this.checkIns = checkIns;
        this.user = user;
        this.idempotency = idempotency;
    }

    @POST
    @Operation(summary = "Report today's pain, usually the day after a session",
            description = "Above " + PainAdaptation.HOLD_MAX_PAIN + "/10, or higher than before the session, steps the"
                    + " plan back one level; " + PainAdaptation.HOLD_MIN_PAIN + "-" + PainAdaptation.HOLD_MAX_PAIN
                    + " holds it.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = CheckInView.class)))
    @APIResponse(responseCode = "400", description = "Invalid check-in",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such session of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response checkIn(@Valid @NotNull CheckInRequest request,
            @Parameter(name = IdempotencyKeys.HEADER, description = IdempotencyKeys.HEADER_DESCRIPTION) @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return idempotency.run(idempotencyKey, user.id(), "POST /api/v1/me/checkins", request,
                key -> Response.status(Response.Status.CREATED).entity(checkIns.checkIn(user.id(), request, key)).build());
    }
}
