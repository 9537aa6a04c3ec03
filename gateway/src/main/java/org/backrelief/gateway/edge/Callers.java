package org.backrelief.gateway.edge;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Tells who sent a relayed request from its {@code Authorization} header, synchronously on the event loop.
 * <p>
 * The token is verified by the injected {@link JWTParser}, the same bean Quarkus' JWT authentication uses (commons'
 * {@code CachingJwtParser}: SmallRye's parser with {@code mp.jwt.verify.*}, and a token verified before is one map
 * lookup), and the header is read as SmallRye reads it ({@code Bearer } in any case, then the token). So a relayed
 * route and a REST endpoint accept exactly the same tokens.
 * <p>
 * Why not Quarkus' deferred {@code SecurityIdentity} on the relayed routes: with proactive authentication every
 * request went through a chain of Mutiny {@code Uni}s, each decorated by SmallRye Context Propagation, plus ArC
 * context lookups and the identity's building: 13 % of the gateway's CPU samples on the history page (JFR at 1 ms,
 * 1,871 samples under {@code wrk -c16}). With this lookup instead, what is left of it (Quarkus still sets up a lazy
 * identity per request) is 2 %, and the token lookup itself 2–4 %; the gateway's CPU per history request went from
 * 133 to 123 µs (the two builds side by side, {@code wrk -c4}, 3 × 15 s each, alternating). Authentication is
 * therefore not proactive ({@code quarkus.http.auth.proactive=false}): the REST endpoints (the dashboard) still
 * authenticate through Quarkus when they need the caller, and a relayed request is never authenticated twice.
 */
@Singleton // called on every relayed request: a singleton has no client proxy to go through
public class Callers {

    private static final String BEARER = "Bearer ";

    private final JWTParser parser;

    @Inject
    public Callers(JWTParser parser) {
        this.parser = parser;
    }

    /** The caller of a request with this {@code Authorization} header (null: none). */
    public Caller identify(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Caller.ANONYMOUS; // no bearer token (another scheme is not ours to judge), as SmallRye reads it
        }
        try {
            JsonWebToken token = parser.parse(authorization.substring(BEARER.length()));
            return Caller.signedIn(subjectOf(token), token.getGroups());
        } catch (ParseException e) {
            return Caller.REFUSED_TOKEN;
        }
    }

    /** The user a token speaks for: its {@code sub}, else its principal name (as Quarkus names it). */
    public static String subjectOf(JsonWebToken token) {
        return token.getSubject() != null ? token.getSubject() : token.getName();
    }
}
