package org.backrelief.common.problem;

import java.net.URI;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 7807 problem: the one error body of every BackRelief API, served as {@code application/problem+json}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 7807 problem details")
public record Problem(
        @Schema(example = "https://backrelief.org/problems/validation") URI type,
        @Schema(example = "Invalid request") String title,
        @Schema(example = "400") int status,
        @Schema(example = "painAfter must be between 0 and 10") String detail,
        @Schema(example = "/api/v1/me/sessions/42/completion") String instance,
        @Schema(example = "4f1c2a7e-8a55-4b6e-9d53-2f7c1f0b9e11") String requestId,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://backrelief.org/problems/";

    /** One invalid field of a request: its path (e.g. {@code exercises[2].reps}) and what is wrong with it. */
    @Schema(name = "Violation")
    public record Violation(@Schema(example = "painAfter") String field,
            @Schema(example = "must be less than or equal to 10") String message) {
    }

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }
}
