package org.backrelief.gateway.edge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code backrelief.rate-limit.*}: one token bucket per user (authenticated) or per client IP (anonymous). */
@ConfigMapping(prefix = "backrelief.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    /** Limits per token subject, for requests with a valid token. */
    Limit user();

    /** Limits per client IP, for requests without a (valid) token. */
    Limit anonymous();

    /** Buckets kept in memory at most; idle (full) buckets are dropped first. */
    @WithDefault("100000")
    int maxTrackedClients();

    interface Limit {
        /** Requests allowed in a burst. */
        @WithDefault("60")
        int capacity();

        /** Sustained requests per second. */
        @WithDefault("20")
        double refillPerSecond();
    }
}
