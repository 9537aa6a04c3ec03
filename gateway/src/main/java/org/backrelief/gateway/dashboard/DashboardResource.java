package org.backrelief.gateway.dashboard;

import java.io.IOException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.backrelief.common.domain.Roles;
import org.backrelief.gateway.backend.Backend;
import org.backrelief.gateway.backend.BackendAnswer;
import org.backrelief.gateway.backend.ForwardedHeaders;
import org.backrelief.gateway.backend.Forwarding;
import org.backrelief.gateway.backend.Relay;
import org.backrelief.gateway.relay.BackendCalls;
import org.backrelief.gateway.relay.RelayRoute;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/** The home screen in one call: next session, streaks, weekly adherence and the last 28 days of pain. */
@Path("/api/v1/me")
@Tag(name = "Me: progress")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.USER)
public class DashboardResource {

    @Inject
    BackendCalls calls;

    @Inject
    Forwarding forwarding;

    @Inject
    JsonWebToken token;

    @Inject
    ObjectMapper mapper;

    @GET
    @Path("/dashboard")
    @Operation(summary = "Your dashboard",
            description = "Next session, streaks, weekly adherence and the last 28 days of pain, fetched from the planner "
                    + "and the tracker in parallel. If one of them is down, its sections say \"available\": false with the "
                    + "reason, and the rest is still served (200).")
    @APIResponse(responseCode = "200", description = "The dashboard",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Dashboard.class)))
    public Uni<Dashboard> dashboard() {
        ForwardedHeaders headers = forwarding.current();
        String user = token.getSubject();
        Uni<Fetched> next = fetch(RelayRoute.GET_NEXT_SESSION, headers, user);
        Uni<Fetched> stats = fetch(RelayRoute.GET_STATISTICS, headers, user);
        // without from/to the tracker answers the 28 days ending today in the user's own time zone
        Uni<Fetched> pain = fetch(RelayRoute.GET_PAIN_TREND, headers, user);
        return Uni.combine().all().unis(next, stats, pain).with(DashboardAssembler::assemble);
    }

    /**
     * One relayed route's answer (same backend path, guard and retries as the route itself), never a failure: an
     * outage becomes a {@link Fetched#failed} the dashboard can show.
     */
    private Uni<Fetched> fetch(RelayRoute route, ForwardedHeaders headers, String user) {
        Backend backend = route.backend();
        return Uni.createFrom().<BackendAnswer> deferred(() -> calls.fetch(route, name -> user, headers))
                .onItem().transform(answer -> Fetched.answer(backend, answer.status(), json(answer)))
                .onFailure().recoverWithItem(failure -> Fetched.failed(backend, Relay.failure(backend, failure).getMessage()));
    }

    private JsonNode json(BackendAnswer answer) {
        if (!answer.hasBody()) {
            return null;
        }
        try {
            return mapper.readTree(answer.body().getBytes());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
