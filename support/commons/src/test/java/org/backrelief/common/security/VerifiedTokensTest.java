package org.backrelief.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.ParseException;

class VerifiedTokensTest {

    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private final AtomicInteger verifications = new AtomicInteger();

    /** A fake verifier: tokens "good-<exp seconds>" verify, anything else fails. */
    private JsonWebToken verify(String raw) throws ParseException {
        verifications.incrementAndGet();
        if (!raw.startsWith("good-")) {
            throw new ParseException("bad signature");
        }
        String exp = raw.substring("good-".length());
        return token(exp.isEmpty() ? Map.of() : Map.of("exp", Long.parseLong(exp)));
    }

    private VerifiedTokens tokens(int size) {
        return new VerifiedTokens(size, Duration.ofMinutes(1), now::get);
    }

    private String expiringIn(Duration duration) {
        return "good-" + (now.get() + duration.toMillis()) / 1000;
    }

    @Test
    void aVerifiedTokenIsNotVerifiedAgainUntilItExpires() throws Exception {
        VerifiedTokens tokens = tokens(10);
        String raw = expiringIn(Duration.ofSeconds(30));
        JsonWebToken first = tokens.verify(raw, this::verify);
        assertSame(first, tokens.verify(raw, this::verify));
        assertEquals(1, verifications.get());
        now.addAndGet(Duration.ofSeconds(30).toMillis());
        // expired: verified again (and the real verifier would refuse it)
        tokens.verify(raw, this::verify);
        assertEquals(2, verifications.get());
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheMaxAge() throws Exception {
        VerifiedTokens tokens = tokens(10);
        String raw = expiringIn(Duration.ofHours(1));
        tokens.verify(raw, this::verify);
        now.addAndGet(Duration.ofSeconds(59).toMillis());
        tokens.verify(raw, this::verify);
        assertEquals(1, verifications.get());
        now.addAndGet(Duration.ofSeconds(1).toMillis());
        tokens.verify(raw, this::verify);
        assertEquals(2, verifications.get());
    }

    @Test
    void aFailureIsNeverRemembered() {
        VerifiedTokens tokens = tokens(10);
        assertThrows(ParseException.class, () -> tokens.verify("forged", this::verify));
        assertThrows(ParseException.class, () -> tokens.verify("forged", this::verify));
        assertEquals(2, verifications.get());
        assertEquals(0, tokens.size());
    }

    @Test
    void onlyTheExactTextHits() throws Exception {
        VerifiedTokens tokens = tokens(10);
        String raw = expiringIn(Duration.ofMinutes(5));
        tokens.verify(raw, this::verify);
        // a text that merely contains a remembered token is verified (and here refused)
        assertThrows(ParseException.class, () -> tokens.verify("forged" + raw, this::verify));
        assertEquals(2, verifications.get());
    }

    @Test
    void tokensWithoutExpiryOrAlreadyExpiredAreNotKept() throws Exception {
        VerifiedTokens tokens = tokens(10);
        tokens.verify("good-", this::verify);
        tokens.verify(expiringIn(Duration.ofSeconds(-5)), this::verify);
        assertEquals(0, tokens.size());
    }

    @Test
    void theCacheIsBoundedAndCanBeOff() throws Exception {
        VerifiedTokens tokens = tokens(3);
        for (int i = 0; i < 10; i++) {
            tokens.verify(expiringIn(Duration.ofSeconds(10 + i)), this::verify);
        }
        assertEquals(true, tokens.size() <= 3);

        VerifiedTokens off = tokens(0);
        String raw = expiringIn(Duration.ofMinutes(5));
        off.verify(raw, this::verify);
        off.verify(raw, this::verify);
        assertEquals(0, off.size());
        assertEquals(12, verifications.get());
    }

    private static JsonWebToken token(Map<String, Object> claims) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "u";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @SuppressWarnings("unchecked")
            @Override
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }
}
