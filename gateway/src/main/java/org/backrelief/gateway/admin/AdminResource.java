package org.backrelief.gateway.admin;

import static org.backrelief.gateway.backend.Backend.TRACKING;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.backrelief.common.domain.Roles;
import org.backrelief.gateway.backend.Backend;
import org.backrelief.gateway.backend.BackendGuard;
import org.backrelief.gateway.backend.ForwardedHeaders;
import org.backrelief.gateway.backend.Forwarding;
import org.backrelief.gateway.backend.Guarding;
import org.backrelief.gateway.backend.Relay;
import org.backrelief.gateway.backend.TrackingClient;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** Operations for administrators. */
@Path("/api/v1/admin")
@Tag(name = "Admin", description = "Operations for administrators")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @Inject
    TrackingClient tracking;

    @Inject
    @Guarding(Backend.TRACKING)
    BackendGuard guard;

    @Inject
    Forwarding forwarding;

    @POST
    @Path("/history/rebuild")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rebuild history and statistics from the activity log",
            description = "Replays the activity topic into the tracking read models (e.g. after a projection change).")
    @APIResponse(responseCode = "202", description = "Rebuild started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "200", description = "Rebuilt",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Uni<Response> rebuildHistory() {
        ForwardedHeaders headers = forwarding.current();
        return Relay.pass(TRACKING, guard.write(() -> tracking.rebuild(headers)));
    }
}
