package org.backrelief.gateway.edge;

import java.security.Principal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.backrelief.common.problem.Problems;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The gateway's rate limits: per token subject when the request carries a valid token, otherwise per client IP (the
 * forwarded client address when proxy forwarding is on). Refusals are 429 problem+json with Retry-After.
 */
@ApplicationScoped // not a singleton: the REST layer's RateLimitFilter would create it before its config exists
public class RateLimits {

    private static final long EVICTION_PERIOD_MS = 60_000;

    private final RateLimitConfig config;
    private final RateLimiter limiter;
    private final CurrentIdentityAssociation identity;

    @Inject
    public RateLimits(RateLimitConfig config, CurrentIdentityAssociation identity) {
        this.config = config;
        this.identity = identity;
        this.limiter = new RateLimiter(config.maxTrackedClients(), System::nanoTime);
    }

    void evictPeriodically(@Observes StartupEvent started, Vertx vertx) {
        if (config.enabled()) {
            vertx.setPeriodic(EVICTION_PERIOD_MS, id -> limiter.evictIdle());
        }
    }

    /** Null when the request may pass, else the 429 to answer. */
    public Uni<Response> check(HttpServerRequest http, String path) {
        if (!config.enabled()) {
            return Uni.createFrom().nullItem();
        }
        // resolving the identity verifies the token once; the security checks reuse the result
        return identity.getDeferredIdentity()
                .onFailure().recoverWithItem((SecurityIdentity) null)
                .map(who -> decide(who, http, path));
    }

    private Response decide(SecurityIdentity who, HttpServerRequest http, String path) {
        RateLimiter.Decision decision = take(subjectOf(who), http);
        if (decision.allowed()) {
            return null;
        }
        return Response.fromResponse(Problems.response(429, "too-many-requests", "Too many requests",
                refusal(decision), path, List.of()))
                .header(HttpHeaders.RETRY_AFTER, decision.retryAfterSeconds()).build();
    }

    /**
     * Takes a token from the caller's bucket: the token subject's when signed in ({@code subject} not null), else
     * the client IP's. Always allowed when rate limits are off.
     */
    public RateLimiter.Decision take(String subject, HttpServerRequest http) {
        if (!config.enabled()) {
            return RateLimiter.Decision.ALLOWED;
        }
        return subject != null
                ? limiter.take("user:" + subject, config.user())
                : limiter.take("ip:" + clientIp(http), config.anonymous());
    }

    /** The 429's detail. */
    public static String refusal(RateLimiter.Decision decision) {
        return "Rate limit exceeded; retry in " + decision.retryAfterSeconds() + " s";
    }

    /** The caller's token subject, or null when anonymous. */
    private static String subjectOf(SecurityIdentity who) {
        if (who == null || who.isAnonymous()) {
            return null;
        }
        Principal principal = who.getPrincipal();
        return principal instanceof JsonWebToken jwt ? Callers.subjectOf(jwt) : principal.getName();
    }

    private static String clientIp(HttpServerRequest http) {
        SocketAddress address = http.remoteAddress();
        if (address == null) {
            return "unknown";
        }
        return address.hostAddress() != null ? address.hostAddress() : address.host();
    }
}
