package org.backrelief.planner.routine;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.backrelief.common.idempotency.IdempotencyKeys;
import org.backrelief.common.problem.Problem;
import org.backrelief.planner.catalog.CatalogCache;
import org.backrelief.planner.profile.ProfileSpec;
import org.backrelief.planner.safety.SafetyDecision;
import org.backrelief.planner.support.PlannerProblems;
import org.backrelief.planner.safety.SafetyGate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

@Path("/api/v1/routines")
@Tag(name = "Routines", description = "Compose a routine without an account")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PreviewResource {

    private final CatalogCache catalog;
    private final RoutinePlanner planner = new RoutinePlanner();

    public PreviewResource(CatalogCache catalog) {
        this.catalog = catalog;
    }

    @POST
    @Path("/preview")
    @PermitAll
    @Operation(summary = "Compose today's routine for a profile; nothing is stored",
            description = "Red flags give status BLOCKED with the reason and no routine; pain of "
                    + SafetyGate.GENTLE_ONLY_PAIN + "/10 or more gives a gentle-only routine.")
    @APIResponse(responseCode = "200", description = "A routine, or why there is none",
            content = @Content(schema = @Schema(implementation = RoutineResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid profile",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No safe routine fits the profile's restrictions",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The catalog cannot be reached and nothing is cached",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RoutineResponse> preview(@Valid @NotNull PreviewRequest request,
            @Parameter(name = IdempotencyKeys.HEADER, description = "Accepted for uniformity with the other POSTs (and"
                    + " checked); a preview stores nothing, so a retry simply composes again.")
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        IdempotencyKeys.validate(idempotencyKey);
        Uni<RoutineResponse> answer = Uni.createFrom().item(() -> compose(request));
        // with the catalog in memory, composing is pure CPU work of well under a millisecond: the event loop does it;
        // only a cold cache (which may wait for the catalog) goes to a worker thread
        return catalog.peek().isPresent() ? answer : answer.runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private RoutineResponse compose(PreviewRequest request) {
        ProfileSpec profile = request.toSpec();
        SafetyDecision screen = planner.screen(profile);
        if (screen.blocked()) {
            return RoutineResponse.blocked(screen); // no catalog needed to say no
        }
        try {
            return planner.plan(profile, profile.currentPain(), request.day() == null ? 0 : request.day(),
                    request.seed() == null ? 0L : request.seed(), request.stepOrDefault(), catalog.snapshot());
        } catch (NoSafeRoutineException e) {
            throw PlannerProblems.noSafeRoutine(e);
        }
    }
}
