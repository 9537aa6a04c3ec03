package org.backrelief.gateway.backend;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** planner-service's internal API; bodies travel as raw bytes, the user is the token's subject. */
@RegisterRestClient(configKey = "planner")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface PlannerClient {

    @POST
    @Path("/routines/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> preview(@BeanParam ForwardedHeaders headers, byte[] body);

    @GET
    @Path("/me/profile")
    Uni<Response> profile(@BeanParam ForwardedHeaders headers);

    @PUT
    @Path("/me/profile")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> saveProfile(@BeanParam ForwardedHeaders headers, byte[] body);

    @POST
    @Path("/me/plans")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> createPlan(@BeanParam ForwardedHeaders headers, byte[] body);

    @GET
    @Path("/me/plans/current")
    Uni<Response> currentPlan(@BeanParam ForwardedHeaders headers);

    @GET
    @Path("/me/sessions/next")
    Uni<Response> nextSession(@BeanParam ForwardedHeaders headers);

    @GET
    @Path("/me/sessions/{sessionId}")
    Uni<Response> session(@BeanParam ForwardedHeaders headers, @PathParam("sessionId") String sessionId);

    @POST
    @Path("/me/sessions/{sessionId}/completion")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> complete(@BeanParam ForwardedHeaders headers, @PathParam("sessionId") String sessionId, byte[] body);

    @POST
    @Path("/me/checkins")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> checkIn(@BeanParam ForwardedHeaders headers, byte[] body);
}
