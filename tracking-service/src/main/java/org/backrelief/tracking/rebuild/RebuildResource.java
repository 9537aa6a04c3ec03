package org.backrelief.tracking.rebuild;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.backrelief.common.domain.Roles;
import org.backrelief.common.idempotency.Idempotency;
import org.backrelief.common.idempotency.IdempotencyKeys;
import org.backrelief.common.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;

@Path(RebuildResource.PATH)
@Tag(name = "Administration", description = "Operations on the read model")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class RebuildResource {

    static final String PATH = "/api/v1/admin/rebuild";

    private final RebuildService rebuilds;
    private final Idempotency idempotency;

    public RebuildResource(RebuildService rebuilds, Idempotency idempotency) {
        this.rebuilds = rebuilds;
        this.idempotency = idempotency;
    }

    @POST
    @Operation(summary = "Replay the activity topic from the beginning into fresh collections, then swap them in")
    @APIResponse(responseCode = "202", description = "Started; follow it with GET on the same path", content = @Content(schema = @Schema(implementation = RebuildReport.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is already running", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(@Context SecurityContext security,
            @Parameter(name = IdempotencyKeys.HEADER, description = IdempotencyKeys.HEADER_DESCRIPTION) @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        // a retried start with the same key answers the first start's report instead of 409 "already running"
        return idempotency.run(idempotencyKey, security.getUserPrincipal().getName(), "POST " + PATH, null,
                key -> Response.accepted(rebuilds.start()).location(URI.create(PATH)).build());
    }

    @GET
    @Operation(summary = "The state of the latest rebuild")
    @APIResponse(responseCode = "200", description = "The latest rebuild", content = @Content(schema = @Schema(implementation = RebuildReport.class)))
    @APIResponse(responseCode = "404", description = "No rebuild has run yet", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RebuildReport status() {
        return rebuilds.status();
    }
}
