package org.backrelief.common.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Bearer tokens that passed verification, by their exact text, until they expire (or {@code maxAge} passes, whichever
 * is first). A client sends the same token with every request; verifying its RS256 signature each time was about a
 * third of the CPU of a history page and more than relaying a request through the gateway (C1-only JIT: no BigInteger
 * intrinsics). The verdict depends only on the token's
 * text, the configured key and issuer, and the time — and expiry is checked here — so a hit is what a new
 * verification would say. Failures are never cached. The map is bounded: when full it is simply emptied.
 */
public final class VerifiedTokens {

    /** Verifies a token's signature and claims, or throws. */
    public interface Verifier {
        JsonWebToken verify(String token) throws ParseException;
    }

    private record Entry(JsonWebToken token, long validUntilMillis) {
    }

    private final int maxEntries;
    private final long maxAgeMillis;
    private final LongSupplier clockMillis;
    private final Map<String, Entry> verified = new ConcurrentHashMap<>();

    public VerifiedTokens(int maxEntries, Duration maxAge, LongSupplier clockMillis) {
        this.maxEntries = maxEntries;
        this.maxAgeMillis = maxAge.toMillis();
        this.clockMillis = clockMillis;
    }

    public JsonWebToken verify(String raw, Verifier verifier) throws ParseException {
        if (maxEntries <= 0 || raw == null) {
            return verifier.verify(raw);
        }
        long now = clockMillis.getAsLong();
        Entry known = verified.get(raw);
        if (known != null) {
            if (now < known.validUntilMillis) {
                return known.token;
            }
            verified.remove(raw, known);
        }
        JsonWebToken token = verifier.verify(raw);
        long expiresAt = expiresAtMillis(token);
        long validUntil = Math.min(expiresAt, now + maxAgeMillis);
        if (validUntil > now) {
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
            verified.put(raw, new Entry(token, validUntil));
        }
        return token;
    }

    int size() {
        return verified.size();
    }

    /** The {@code exp} claim in milliseconds; a token without one is not cached. */
    private static long expiresAtMillis(JsonWebToken token) {
        Object exp = token.getClaim(Claims.exp.name());
        if (exp instanceof Number seconds) {
            return seconds.longValue() * 1000;
        }
        return Long.MIN_VALUE;
    }
}
