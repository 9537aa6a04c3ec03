package org.backrelief.gateway.dashboard;

import java.io.IOException;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.backrelief.common.domain.Roles;
import org.backrelief.gateway.backend.Backend;
import org.backrelief.gateway.backend.BackendAnswer;
import org.backrelief.gateway.backend.BackendGuard;
import org.backrelief.gateway.backend.ForwardedHeaders;
import org.backrelief.gateway.backend.Forwarding;
import org.backrelief.gateway.backend.Guarding;
import org.backrelief.gateway.backend.PlannerClient;
import org.backrelief.gateway.backend.Relay;
import org.backrelief.gateway.backend.TrackingClient;
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
    PlannerClient planner;

    @Inject
    TrackingClient tracking;

    @Inject
    @Guarding(Backend.PLANNER)
    BackendGuard plannerGuard;

    @Inject
    @Guarding(Backend.TRACKING)
    BackendGuard trackingGuard;

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
        Uni<Fetched> next = fetch(Backend.PLANNER, () -> plannerGuard.read(() -> planner.nextSession(headers)));
        Uni<Fetched> stats = fetch(Backend.TRACKING, () -> trackingGuard.read(() -> tracking.stats(headers, user, null)));
        // without from/to the tracker answers the 28 days ending today in the user's own time zone
        Uni<Fetched> pain = fetch(Backend.TRACKING, () -> trackingGuard.read(() -> tracking.painTrend(headers, user, null)));
        return Uni.combine().all().unis(next, stats, pain).with(DashboardAssembler::assemble);
    }

    /** One backend answer, never a failure: an outage becomes a {@link Fetched#failed} the dashboard can show. */
    private Uni<Fetched> fetch(Backend backend, Supplier<Uni<BackendAnswer>> call) {
        return Uni.createFrom().<BackendAnswer> deferred(call::get)
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
