package org.backrelief.tracking.rebuild;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.backrelief.common.domain.Roles;
import org.backrelief.common.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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

    public RebuildResource(RebuildService rebuilds) {
        this.rebuilds = rebuilds;
    }

    @POST
    @Operation(summary = "Replay the activity topic from the beginning into fresh collections, then swap them in")
    @APIResponse(responseCode = "202", description = "Started; follow it with GET on the same path", content = @Content(schema = @Schema(implementation = RebuildReport.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is already running", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start() {
        return Response.accepted(rebuilds.start()).location(URI.create(PATH)).build();
    }

    @GET
    @Operation(summary = "The state of the latest rebuild")
    @APIResponse(responseCode = "200", description = "The latest rebuild", content = @Content(schema = @Schema(implementation = RebuildReport.class)))
    @APIResponse(responseCode = "404", description = "No rebuild has run yet", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RebuildReport status() {
        return rebuilds.status();
    }
}
