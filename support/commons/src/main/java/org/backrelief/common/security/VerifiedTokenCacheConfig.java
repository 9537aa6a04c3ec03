package org.backrelief.common.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/**
 * How many verified bearer tokens {@link CachingJwtParser} remembers, and for how long at most (defaults in commons'
 * microprofile-config.properties: {@code VERIFIED_TOKEN_CACHE_SIZE}, {@code VERIFIED_TOKEN_CACHE_MAX_AGE}).
 */
@ConfigMapping(prefix = "backrelief.jwt.verified-cache")
public interface VerifiedTokenCacheConfig {

    /** How many tokens are remembered; 0 verifies every request. */
    int size();

    /** The longest a token is remembered (never past its own expiry): bounds how long a rotated-out key still works. */
    Duration maxAge();
}
