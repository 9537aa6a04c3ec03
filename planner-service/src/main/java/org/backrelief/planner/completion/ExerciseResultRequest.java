package org.backrelief.planner.completion;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.backrelief.common.domain.Phase;
import org.backrelief.common.events.SessionCompletedV1.Status;
import org.backrelief.planner.support.Ids;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the person did of one prescribed exercise. {@code phase} is needed only for an exercise the session has in two
 * phases (e.g. child's pose in the warm-up and the cool-down).
 */
@Schema(description = "The result of one exercise of the session")
public record ExerciseResultRequest(
        @NotNull @Pattern(regexp = Ids.ID_PATTERN, message = Ids.ID_MESSAGE) @Schema(example = "bird-dog") String exerciseId,
        @Schema(example = "STRENGTHENING") Phase phase,
        @NotNull @Schema(example = "DONE") Status status,
        @Size(max = 500) @Schema(description = "Required when SKIPPED", example = "Knee hurt") String skipReason,
        @Schema(description = "Why it was SKIPPED; PAIN counts like a pain report when the plan adapts. Omitted: read "
                + "from skipReason (PAIN when it mentions pain, hurt, ache, sore, twinge, spasm or sharp; else OTHER)",
                example = "PAIN") SkipCause skipCause,
        @Min(0) @Max(100) @Schema(example = "2") Integer sets,
        @Min(0) @Max(1000) @Schema(example = "8") Integer reps,
        @Min(0) @Max(3600) @Schema(example = "3") Integer holdSeconds,
        @Min(0) @Max(600) @Schema(example = "12") Integer minutes) {
}
