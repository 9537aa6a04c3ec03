package org.backrelief.planner.completion;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/v1/me/sessions/{sessionId}/completion}. */
@Schema(description = "How a session went")
public record CompletionRequest(
        @NotNull @Min(0) @Max(10) @Schema(example = "3") Integer painBefore,
        @NotNull @Min(0) @Max(10) @Schema(description = "Pain during/after the session, 0-10", example = "2") Integer painAfter,
        @NotNull @Min(0) @Max(10) @Schema(description = "Perceived exertion, 0-10", example = "5") Integer exertion,
        @Min(0) @Max(86_400) @Schema(description = "Default: the sum of the exercises", example = "1750") Integer durationSeconds,
        @Size(max = 2000) @Schema(example = "Felt good") String notes,
        @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid ExerciseResultRequest> exercises) {
}
