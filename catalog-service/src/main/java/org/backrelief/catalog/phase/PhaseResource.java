package org.backrelief.catalog.phase;

import java.util.List;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.backrelief.catalog.CatalogConfig;
import org.backrelief.catalog.exercise.ConditionalResponses;
import org.backrelief.catalog.exercise.ExerciseCriteria;
import org.backrelief.catalog.exercise.ExercisePage;
import org.backrelief.catalog.exercise.ExerciseQueryParams;
import org.backrelief.catalog.exercise.ExerciseService;
import org.backrelief.common.domain.Phase;
import org.backrelief.common.problem.Problem;
import org.backrelief.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.NonBlocking;

/** The five workout phases and the exercises of each. */
@Path("/api/v1/phases")
@Tag(name = "Phases", description = "The five workout phases of the guide, in order")
@Produces(MediaType.APPLICATION_JSON)
public class PhaseResource {

    private final PhaseCatalog phases;
    private final ExerciseService exercises;
    private final ConditionalResponses responses;
    private final CatalogConfig config;

    public PhaseResource(PhaseCatalog phases, ExerciseService exercises, ConditionalResponses responses,
            CatalogConfig config) {
        this.phases = phases;
        this.exercises = exercises;
        this.responses = responses;
        this.config = config;
    }

    @GET
    @NonBlocking // served from memory: no worker-thread hop
    @Operation(summary = "List the phases", description = "The five phases in workout order with purpose, "
            + "recommended minutes and the guide's general rules")
    @APIResponse(responseCode = "200", description = "The phases in order",
            content = @Content(schema = @Schema(implementation = PhaseInfo.class, type = SchemaType.ARRAY)))
    public List<PhaseInfo> list() {
        return phases.all();
    }

    @GET
    @NonBlocking
    @Path("{phase}/exercises")
    @Operation(summary = "Exercises of one phase", description = "Same filters, paging, sorting and ETag as "
            + "GET /api/v1/exercises, with the phase taken from the path")
    @APIResponse(responseCode = "200", description = "A page of exercises of this phase",
            content = @Content(schema = @Schema(implementation = ExercisePage.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "A bad parameter, named in the problem",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such phase",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response exercises(
            @Parameter(description = "The phase", schema = @Schema(implementation = Phase.class), example = "COOL_DOWN")
            @PathParam("phase") String phase,
            @BeanParam ExerciseQueryParams params,
            @Parameter(description = "ETag of a previous response") @HeaderParam(HttpHeaders.IF_NONE_MATCH)
            String ifNoneMatch) {
        ExerciseCriteria criteria = ExerciseCriteria.parse(params, parsePhase(phase), config.paging().defaultSize(),
                config.paging().maxSize());
        return responses.page(exercises.search(criteria), ifNoneMatch);
    }

    private static Phase parsePhase(String value) {
        for (Phase phase : Phase.values()) {
            if (phase.name().equalsIgnoreCase(value)) {
                return phase;
            }
        }
        throw ProblemException.notFound("Phase '" + (value.length() > 40 ? value.substring(0, 40) : value) + "'");
    }
}
