package org.backrelief.gateway.dev;

import java.time.Instant;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A bearer token for the local stack. */
public record DevToken(
        @Schema(description = "Send as: Authorization: Bearer <token>") String token,
        @Schema(example = "alice") String subject,
        Set<String> roles,
        Instant expiresAt) {
}
