package org.backrelief.gateway.dev;

import java.time.Instant;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.backrelief.common.domain.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.jwt.build.Jwt;

/**
 * Mints a token for a demo user so a newcomer can call the API at once. Local development only: the endpoint exists
 * only in builds with {@code backrelief.dev-token.enabled=true} (on in {@code quarkus:dev}, off everywhere else),
 * and signs with {@code smallrye.jwt.sign.key.location}, the local stack's private key.
 */
@Path("/api/v1/dev/token")
@Tag(name = "Local development")
@IfBuildProperty(name = "backrelief.dev-token.enabled", stringValue = "true")
public class DevTokenResource {

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @Inject
    DevTokenConfig config;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mint a local demo token (local development only)")
    public DevToken mint(@Valid @NotNull DevTokenRequest request) {
        Set<String> roles = request.roles() == null || request.roles().isEmpty() ? Set.of(Roles.USER) : request.roles();
        Instant expiresAt = Instant.now().plus(config.lifetime());
        String token = Jwt.issuer(issuer).subject(request.subject()).upn(request.subject()).groups(roles)
                .expiresAt(expiresAt).sign();
        return new DevToken(token, request.subject(), roles, expiresAt);
    }
}
