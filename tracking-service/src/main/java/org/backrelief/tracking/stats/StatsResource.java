package org.backrelief.tracking.stats;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.backrelief.common.domain.Roles;
import org.backrelief.common.problem.Problem;
import org.backrelief.tracking.access.UserAccess;
import org.backrelief.tracking.web.QueryParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;

@Path("/api/v1/users/{userId}")
@Tag(name = "Statistics", description = "Progress derived from the history")
@RolesAllowed({ Roles.USER, Roles.ADMIN })
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class StatsResource {

    static final String EXERCISE_ID = "[A-Za-z0-9._-]+";

    private final StatisticsService statistics;
    private final UserAccess access;

    public StatsResource(StatisticsService statistics, UserAccess access) {
        this.statistics = statistics;
        this.access = access;
    }

    @GET
    @Path("stats")
    @Operation(summary = "Totals, streaks, adherence, pain, per-exercise statistics and personal records")
    @APIResponse(responseCode = "200", description = "The statistics (zeros for someone without sessions)")
    @APIResponse(responseCode = "404", description = "Not your user id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UserStatistics stats(@PathParam("userId") @Size(min = 1, max = 128) String userId) {
        access.requireReadable(userId);
        return statistics.statistics(userId);
    }

    @GET
    @Path("pain-trend")
    @Operation(summary = "Pain per day with 7- and 28-day averages, before vs after sessions, check-ins included")
    @APIResponse(responseCode = "200", description = "One entry per day of the range")
    @APIResponse(responseCode = "400", description = "Malformed dates, from after to, or a range too long", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not your user id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PainTrend painTrend(@PathParam("userId") @Size(min = 1, max = 128) String userId,
            @Parameter(description = "First day (ISO date); default: 27 days before 'to'", example = "2024-03-01", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = "Last day (ISO date); default: today in the person's zone", example = "2024-03-28", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to) {
        access.requireReadable(userId);
        return statistics.painTrend(userId, QueryParams.date("from", from), QueryParams.date("to", to));
    }

    @GET
    @Path("exercises/{exerciseId}/stats")
    @Operation(summary = "How the person has done with one exercise")
    @APIResponse(responseCode = "200", description = "The statistics (zeros if never met)")
    @APIResponse(responseCode = "400", description = "Malformed exercise id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not your user id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ExerciseStats exercise(@PathParam("userId") @Size(min = 1, max = 128) String userId,
            @PathParam("exerciseId") @Size(max = 100) @Pattern(regexp = EXERCISE_ID) String exerciseId) {
        access.requireReadable(userId);
        return statistics.exercise(userId, exerciseId);
    }
}
