package org.backrelief.gateway.dev;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The local-development token endpoint ({@link DevTokenResource}). */
@ConfigMapping(prefix = "backrelief.dev-token")
public interface DevTokenConfig {

    /** Read at build time: the endpoint exists only in builds where this is true ({@code quarkus:dev}). */
    @WithDefault("false")
    boolean enabled();

    /** How long a minted token lives ({@code DEV_TOKEN_LIFETIME}). */
    @WithDefault("PT8H")
    Duration lifetime();
}
