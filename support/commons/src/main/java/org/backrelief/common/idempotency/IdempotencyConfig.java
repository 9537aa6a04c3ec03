package org.backrelief.common.idempotency;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * Settings of the Idempotency-Key store (defaults in commons' microprofile-config.properties). Only read where
 * {@link IdempotencyWiring} is on.
 */
@ConfigMapping(prefix = "backrelief.idempotency")
public interface IdempotencyConfig {

    /** How long an answer is kept for replay (the TTL). */
    Duration retention();

    /** How long a request in flight holds its key before a retry may take over. */
    Duration lease();

    /**
     * {@code mongodb} turns {@link IdempotencyWiring} on; read at build time (a service without MongoDB leaves it
     * unset).
     */
    Optional<String> store();
}
