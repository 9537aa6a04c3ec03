package org.backrelief.gateway.routine;

import static org.backrelief.gateway.backend.Backend.PLANNER;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** Try before signing up: a routine for a profile, computed and forgotten. */
@Path("/api/v1/routines")
@Tag(name = "Trial", description = "A routine without an account")
@Produces(MediaType.APPLICATION_JSON)
public class RoutineResource {

    @Inject
    PlannerClient planner;

    @Inject
    @Guarding(Backend.PLANNER)
    BackendGuard guard;

    @Inject
    Forwarding forwarding;

    @POST
    @Path("/preview")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Preview a routine", description = "The body is a profile plus an optional day index or seed; nothing is stored.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "beginner", value = "{\"level\":\"BEGINNER\",\"minutesPerSession\":30,\"currentPain\":3,\"equipment\":[\"MAT\"],\"day\":0}")))
    @APIResponse(responseCode = "200", description = "A routine, phase by phase",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "Invalid profile, with the fields named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No safe routine fits the profile's restrictions",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> preview(byte[] body) {
        ForwardedHeaders headers = forwarding.current();
        return Relay.pass(PLANNER, guard.write(() -> planner.preview(headers, body)));
    }
}
