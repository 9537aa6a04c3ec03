package org.backrelief.planner.catalog;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** catalog-service's exercise list; base URL, timeouts: {@code quarkus.rest-client.catalog.*}. */
@RegisterRestClient(configKey = "catalog")
@Path("/api/v1/exercises")
@Produces(MediaType.APPLICATION_JSON)
public interface CatalogClient {

    @GET
    ExercisePage page(@QueryParam("page") int page, @QueryParam("size") int size);
}
