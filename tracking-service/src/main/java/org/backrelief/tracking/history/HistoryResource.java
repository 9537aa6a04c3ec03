package org.backrelief.tracking.history;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.backrelief.common.domain.Roles;
import org.backrelief.common.problem.Problem;
import org.backrelief.tracking.access.UserAccess;
import org.backrelief.tracking.config.TrackingConfig;
import org.backrelief.tracking.facts.FactReader;
import org.backrelief.tracking.facts.SessionFact;
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
@Tag(name = "History", description = "Completed sessions, newest first")
@RolesAllowed({ Roles.USER, Roles.ADMIN })
@Blocking
public class HistoryResource {

    /** Guards the skip a page turns into. */
    static final int MAX_PAGE = 100_000;

    private final FactReader facts;
    private final UserAccess access;
    private final TrackingConfig config;

    public HistoryResource(FactReader facts, UserAccess access, TrackingConfig config) {
        this.facts = facts;
        this.access = access;
        this.config = config;
    }

    @GET
    @Path("history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The session list, newest first, optionally between two of the person's local days")
    @APIResponse(responseCode = "200", description = "A page of sessions")
    @APIResponse(responseCode = "400", description = "Malformed date or paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not your user id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HistoryPage history(@PathParam("userId") @Size(min = 1, max = 128) String userId,
            @Parameter(description = "First local day, inclusive (ISO date)", example = "2024-03-01", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = "Last local day, inclusive (ISO date)", example = "2024-03-31", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to,
            @Parameter(description = "0-based page", example = "0", schema = @Schema(type = SchemaType.INTEGER, format = "int32")) @QueryParam("page") String page,
            @Parameter(description = "Page size, default 20, at most 100", example = "20", schema = @Schema(type = SchemaType.INTEGER, format = "int32")) @QueryParam("size") String size) {
        access.requireReadable(userId);
        LocalDate fromDay = QueryParams.date("from", from);
        LocalDate toDay = QueryParams.date("to", to);
        QueryParams.requireOrdered(fromDay, toDay);
        int pageIndex = QueryParams.integer("page", page, 0, 0, MAX_PAGE);
        int pageSize = QueryParams.integer("size", size, config.api().defaultPageSize(), 1, config.api().maxPageSize());
        FactReader.Page<SessionFact> found = facts.history(userId, fromDay, toDay, pageIndex, pageSize);
        return new HistoryPage(found.items().stream().map(SessionView::of).toList(), pageIndex, pageSize, found.total());
    }

    @GET
    @Path("history.csv")
    @Produces(HistoryCsv.MEDIA_TYPE)
    @Operation(summary = "The whole session list (or a day range) as CSV, newest first")
    @APIResponse(responseCode = "200", description = "RFC 4180 CSV with a header row", content = @Content(mediaType = HistoryCsv.MEDIA_TYPE))
    @APIResponse(responseCode = "400", description = "Malformed date", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not your user id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response csv(@PathParam("userId") @Size(min = 1, max = 128) String userId,
            @Parameter(description = "First local day, inclusive (ISO date)", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = "Last local day, inclusive (ISO date)", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to) {
        access.requireReadable(userId);
        LocalDate fromDay = QueryParams.date("from", from);
        LocalDate toDay = QueryParams.date("to", to);
        QueryParams.requireOrdered(fromDay, toDay);
        String csv = HistoryCsv.of(facts.sessions(userId, fromDay, toDay, true));
        return Response.ok(csv, HistoryCsv.MEDIA_TYPE + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"history.csv\"").build();
    }
}
