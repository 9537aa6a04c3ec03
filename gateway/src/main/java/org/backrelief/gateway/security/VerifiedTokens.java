package org.backrelief.gateway.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Tokens whose signature, issuer and expiry were verified recently, by their exact text. A client sends the same
 * token with every request; verifying its RSA signature again each time cost more CPU than relaying the request.
 *
 * <p>
 * Safe because a hit needs the identical token string (map lookup by equality, not by a hash): a verified token
 * stays valid until it expires, and an entry never outlives the token's {@code exp} nor the {@code ttl} (which bounds
 * how long a token signed with a key that was just rotated out is still accepted here; the services verify every
 * token again anyway). Failed verifications are never cached. Memory is bounded: when {@code maxEntries} tokens are
 * cached, expired entries are dropped and, if none expired, the new token is simply not cached.
 */
public final class VerifiedTokens {

    private record Entry(JsonWebToken token, long validUntilMillis) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlMillis;
    private final int maxEntries;
    private final LongSupplier clockMillis;

    public VerifiedTokens(long ttlMillis, int maxEntries, LongSupplier clockMillis) {
        this.ttlMillis = ttlMillis;
        this.maxEntries = maxEntries;
        this.clockMillis = clockMillis;
    }

    /** The verified token for this text, or null if it is not cached (or no longer valid). */
    public JsonWebToken get(String raw) {
        Entry entry = entries.get(raw);
        if (entry == null) {
            return null;
        }
        if (clockMillis.getAsLong() >= entry.validUntilMillis()) {
            entries.remove(raw, entry);
            return null;
        }
        return entry.token();
    }

    /** Remembers a token the parser has just verified. */
    public void put(String raw, JsonWebToken verified) {
        long now = clockMillis.getAsLong();
        long validUntil = now + ttlMillis;
        long expiresAt = verified.getExpirationTime();
        if (expiresAt > 0) {
            validUntil = Math.min(validUntil, expiresAt * 1000);
        }
        if (validUntil <= now || maxEntries <= 0) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> now >= e.validUntilMillis());
            if (entries.size() >= maxEntries) {
                return;
            }
        }
        entries.put(raw, new Entry(verified, validUntil));
    }

    int size() {
        return entries.size();
    }
}
