package org.backrelief.gateway.backend;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.mutiny.Uni;

/** catalog-service's internal API; bodies travel as raw bytes. */
@RegisterRestClient(configKey = "catalog")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface CatalogClient {

    @GET
    @Path("/exercises")
    Uni<Response> exercises(@BeanParam ForwardedHeaders headers, @RestQuery MultivaluedMap<String, String> query,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch);

    @GET
    @Path("/exercises/{id}")
    Uni<Response> exercise(@BeanParam ForwardedHeaders headers, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch);

    @GET
    @Path("/phases")
    Uni<Response> phases(@BeanParam ForwardedHeaders headers, @RestQuery MultivaluedMap<String, String> query);

    @GET
    @Path("/phases/{phase}/exercises")
    Uni<Response> phaseExercises(@BeanParam ForwardedHeaders headers, @PathParam("phase") String phase,
            @RestQuery MultivaluedMap<String, String> query, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch);

    @POST
    @Path("/exercises")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> create(@BeanParam ForwardedHeaders headers, byte[] body);

    @PUT
    @Path("/exercises/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> update(@BeanParam ForwardedHeaders headers, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body);

    @DELETE
    @Path("/exercises/{id}")
    Uni<Response> delete(@BeanParam ForwardedHeaders headers, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch);
}
