package org.backrelief.catalog.exercise;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;

import org.backrelief.catalog.CatalogConfig;
import org.backrelief.common.domain.Roles;
import org.backrelief.common.idempotency.Idempotency;
import org.backrelief.common.idempotency.IdempotencyKeys;
import org.backrelief.common.problem.Problem;
import org.backrelief.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.NonBlocking;

/** The exercise catalog: public reads, editor-only writes. */
@Path("/api/v1/exercises")
@Tag(name = "Exercises", description = "The exercise catalog built from the back-pain workout guide")
@Produces(MediaType.APPLICATION_JSON)
public class ExerciseResource {

    private final ExerciseService service;
    private final ConditionalResponses responses;
    private final CatalogConfig config;
    private final Idempotency idempotency;

    public ExerciseResource(ExerciseService service, ConditionalResponses responses, CatalogConfig config,
            Idempotency idempotency) {
        this.service = service;
        this.responses = responses;
        this.config = config;
        this.idempotency = idempotency;
    }

    @GET
    @NonBlocking // served from memory: no worker-thread hop
    @Operation(summary = "Search exercises", description = "All filters combine with AND. Soft-deleted exercises are "
            + "not listed. Send the ETag back in If-None-Match to get a 304 when nothing changed.")
    @APIResponse(responseCode = "200", description = "A page of exercises",
            headers = @Header(name = "ETag", description = "Weak ETag of this page"),
            content = @Content(schema = @Schema(implementation = ExercisePage.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "A bad parameter, named in the problem",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(@BeanParam ExerciseQueryParams params, @Parameter(description = "ETag of a previous response")
    @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ExerciseCriteria criteria = ExerciseCriteria.parse(params, null, config.paging().defaultSize(),
                config.paging().maxSize());
        return responses.page(service.search(criteria), ifNoneMatch);
    }

    @GET
    @NonBlocking
    @Path("{id}")
    @Operation(summary = "Get one exercise", description = "Soft-deleted exercises are returned too, with deleted: "
            + "true, so plans that reference them keep working.")
    @APIResponse(responseCode = "200", description = "The exercise",
            headers = @Header(name = "ETag", description = "Strong ETag from id and version; use it in If-Match"),
            content = @Content(schema = @Schema(implementation = Exercise.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No exercise with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(description = "Exercise id", example = "glute-bridge") @PathParam("id") String id,
            @Parameter(description = "ETag of a previous response") @HeaderParam(HttpHeaders.IF_NONE_MATCH)
            String ifNoneMatch) {
        return responses.exercise(service.get(id), ifNoneMatch);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Create an exercise", description = "Role editor. Read-only fields are ignored. Publishes an "
            + "exercise-changed event (CREATED).")
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "ETag", description = "Strong ETag of version 1"),
            content = @Content(schema = @Schema(implementation = Exercise.class)))
    @APIResponse(responseCode = "400", description = "Invalid exercise; the problem names the fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an editor")
    @APIResponse(responseCode = "409", description = "The id is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull Exercise exercise, @Context SecurityContext security,
            @Parameter(name = IdempotencyKeys.HEADER, description = IdempotencyKeys.HEADER_DESCRIPTION) @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        // the exercise id comes from the body: a retry after a crash finds it taken (409), never a second exercise
        return idempotency.run(idempotencyKey, security.getUserPrincipal().getName(), "POST /api/v1/exercises",
                exercise, key -> {
                    Exercise created = service.create(exercise);
                    URI location = UriBuilder.fromResource(ExerciseResource.class).path(created.id()).build();
                    return Response.created(location).entity(created)
                            .header(HttpHeaders.ETAG, EntityTags.ofExercise(created.id(), created.version())).build();
                });
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Replace an exercise", description = "Role editor. Optimistic concurrency: send the ETag "
            + "you read in If-Match, or the version you read in the body. A stale version gets 409, neither gets 428. "
            + "Restores a soft-deleted exercise. Publishes an exercise-changed event (UPDATED).")
    @APIResponse(responseCode = "200", description = "Updated",
            headers = @Header(name = "ETag", description = "Strong ETag of the new version"),
            content = @Content(schema = @Schema(implementation = Exercise.class)))
    @APIResponse(responseCode = "400", description = "Invalid exercise; the problem names the fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an editor")
    @APIResponse(responseCode = "404", description = "No exercise with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Someone changed it since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "Neither If-Match nor version was sent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@Parameter(description = "Exercise id", example = "glute-bridge") @PathParam("id") String id,
            @Parameter(description = "ETag of the version you edited", example = "\"glute-bridge.v3\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull Exercise exercise) {
        Exercise updated = service.update(id, exercise, expectedVersion(id, ifMatch, exercise.version()));
        return Response.ok(updated).header(HttpHeaders.ETAG, EntityTags.ofExercise(id, updated.version())).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Soft-delete an exercise", description = "Role editor. Hides it from lists; GET by id still "
            + "returns it with deleted: true. If-Match is optional; a stale one gets 409. Publishes an "
            + "exercise-changed event (DELETED).")
    @APIResponse(responseCode = "204", description = "Deleted (or already deleted)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an editor")
    @APIResponse(responseCode = "404", description = "No exercise with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "If-Match names an old version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@Parameter(description = "Exercise id", example = "glute-bridge") @PathParam("id") String id,
            @Parameter(description = "Optional ETag of the version you saw", example = "\"glute-bridge.v3\"",
                    schema = @Schema(type = SchemaType.STRING))
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, EntityTags.versionFromIfMatch(ifMatch, id));
        return Response.noContent().build();
    }

    /** If-Match wins; the body version is the fallback; both must agree when both are sent. */
    private static long expectedVersion(String id, String ifMatch, Long bodyVersion) {
        Long fromHeader = EntityTags.versionFromIfMatch(ifMatch, id);
        if (fromHeader != null && bodyVersion != null && !fromHeader.equals(bodyVersion)) {
            throw ProblemException.badRequest("version", "disagrees with If-Match (" + fromHeader + ")");
        }
        if (fromHeader != null) {
            return fromHeader;
        }
        if (bodyVersion != null) {
            return bodyVersion;
        }
        throw new ProblemException(428, "precondition-required", "Precondition required",
                "Send the version you edited: the ETag in an If-Match header or the version field in the body",
                List.of());
    }
}
