package org.backrelief.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);

    /** A verified token that expires at {@code exp} (seconds). */
    private static JsonWebToken token(long exp) {
        return new JsonWebToken() {
            public String getName() {
                return "alice";
            }

            public Set<String> getClaimNames() {
                return Set.of("exp");
            }

            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return "exp".equals(claimName) ? (T) Long.valueOf(exp) : null;
            }
        };
    }

    @Test
    void onlyTheIdenticalTokenTextHits() {
        VerifiedTokens tokens = new VerifiedTokens(60_000, 10, now::get);
        JsonWebToken jwt = token(now.get() / 1000 + 3600);
        tokens.put("header.payload.signature", jwt);
        assertSame(jwt, tokens.get("header.payload.signature"));
        assertNull(tokens.get("header.payload.signaturX"), "another signature is another token");
        assertNull(tokens.get("header.payload.signature "));
    }

    @Test
    void anEntryEndsWithTheTtl() {
        VerifiedTokens tokens = new VerifiedTokens(60_000, 10, now::get);
        tokens.put("t", token(now.get() / 1000 + 3600));
        now.addAndGet(59_999);
        assertEquals("alice", tokens.get("t").getName());
        now.addAndGet(1);
        assertNull(tokens.get("t"));
        assertEquals(0, tokens.size(), "an outdated entry is dropped");
    }

    @Test
    void anEntryNeverOutlivesTheTokensExpiry() {
        VerifiedTokens tokens = new VerifiedTokens(60_000, 10, now::get);
        long exp = now.get() / 1000 + 10;
        tokens.put("t", token(exp));
        now.set(exp * 1000 - 1);
        assertEquals("alice", tokens.get("t").getName());
        now.set(exp * 1000);
        assertNull(tokens.get("t"), "from exp on the parser decides again");
    }

    @Test
    void anExpiredTokenIsNotCached() {
        VerifiedTokens tokens = new VerifiedTokens(60_000, 10, now::get);
        tokens.put("t", token(now.get() / 1000 - 1));
        assertNull(tokens.get("t"));
    }

    @Test
    void memoryIsBoundedAndOutdatedEntriesMakeRoom() {
        VerifiedTokens tokens = new VerifiedTokens(60_000, 2, now::get);
        long exp = now.get() / 1000 + 3600;
        tokens.put("a", token(exp));
        tokens.put("b", token(exp));
        tokens.put("c", token(exp));
        assertNull(tokens.get("c"), "full: a new token is verified each time, not cached");
        assertEquals(2, tokens.size());
        now.addAndGet(60_000);
        tokens.put("c", token(exp));
        assertEquals(1, tokens.size(), "the outdated entries were dropped");
        assertEquals("alice", tokens.get("c").getName());
    }
}
