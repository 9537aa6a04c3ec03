package org.backrelief.gateway.security;

import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Verifies bearer tokens like SmallRye JWT's own provider does (same parser, same configuration: signature, issuer,
 * expiry), but remembers verified tokens in {@link VerifiedTokens}, so a client's repeated requests with the same
 * token cost one map lookup instead of an RSA verification each. It runs before SmallRye's provider (higher
 * priority) and answers every bearer token itself. The identity is built fresh for each request.
 */
@Singleton
public class CachingJwtIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** The attribute SmallRye's provider sets; some Quarkus code reads the token from it. */
    static final String USER_ATTRIBUTE = "quarkus.user";

    private final JWTParser parser;
    private final VerifiedTokens verified;

    @Inject
    public CachingJwtIdentityProvider(JWTParser parser,
            @ConfigProperty(name = "backrelief.token-cache.ttl", defaultValue = "60s") Duration ttl,
            @ConfigProperty(name = "backrelief.token-cache.max-entries", defaultValue = "4096") int maxEntries) {
        this.parser = parser;
        this.verified = new VerifiedTokens(ttl.toMillis(), maxEntries, System::currentTimeMillis);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return SYSTEM_LAST + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof JsonWebTokenCredential credential)) {
            return Uni.createFrom().nullItem();
        }
        String raw = credential.getToken();
        JsonWebToken jwt = verified.get(raw);
        if (jwt == null) {
            try {
                jwt = parser.parse(raw);
            } catch (ParseException e) {
                return Uni.createFrom().failure(new AuthenticationFailedException(e));
            }
            verified.put(raw, jwt);
        }
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(jwt)
                .addCredential(credential)
                .addRoles(jwt.getGroups())
                .addAttribute(USER_ATTRIBUTE, jwt);
        RoutingContext routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routingContext != null) {
            identity.addAttribute(RoutingContext.class.getName(), routingContext);
        }
        return Uni.createFrom().item(identity.build());
    }
}
