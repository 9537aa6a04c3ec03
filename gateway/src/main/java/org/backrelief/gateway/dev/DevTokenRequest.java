package org.backrelief.gateway.dev;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who the local demo token is for. */
public record DevTokenRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{1,64}") @Schema(example = "alice") String subject,
        @Size(max = 3) Set<@Pattern(regexp = "user|editor|admin") String> roles) {
}
