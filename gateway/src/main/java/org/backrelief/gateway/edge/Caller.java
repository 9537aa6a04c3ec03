package org.backrelief.gateway.edge;

import java.util.Set;

/**
 * Who sent a relayed request, as its bearer token says: nobody (no bearer token), a token that failed verification,
 * or a signed-in subject with the roles of the token's {@code groups} claim.
 */
public record Caller(Kind kind, String subject, Set<String> roles) {

    public enum Kind {
        /** No bearer token: public routes only, rate-limited by client address. */
        ANONYMOUS,
        /** A bearer token that is forged, expired, malformed or for another issuer: 401 on every route. */
        REFUSED_TOKEN,
        SIGNED_IN
    }

    public static final Caller ANONYMOUS = new Caller(Kind.ANONYMOUS, null, Set.of());
    public static final Caller REFUSED_TOKEN = new Caller(Kind.REFUSED_TOKEN, null, Set.of());

    public static Caller signedIn(String subject, Set<String> roles) {
        return new Caller(Kind.SIGNED_IN, subject, roles == null ? Set.of() : roles);
    }

    public boolean hasRole(String role) {
        return kind == Kind.SIGNED_IN && roles.contains(role);
    }
}
