package org.backrelief.catalog.exercise;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.backrelief.catalog.exercise.validation.ContentFile;
import org.backrelief.common.domain.Phase;
import org.backrelief.common.domain.Position;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One phase an exercise belongs to, with the dose the guide gives for it there. */
@Schema(name = "PhaseDose", description = "A phase of the workout this exercise belongs to, with its dose in that phase")
public record PhaseDose(
        @Schema(description = "The workout phase", example = "STRENGTHENING")
        @NotNull Phase phase,
        @Schema(description = "Where the guide names it: section > subsection (required in content files)",
                example = "Strengthening Exercises > Strengthen your glutes", maxLength = 120)
        @NotBlank(groups = ContentFile.class) @Size(max = 120) String guideSection,
        @Schema(description = "The dose in this phase")
        @NotNull @Valid Dose dose,
        @Schema(description = "The body position in this phase when the guide's version here differs from the "
                + "exercise's position (cat/cow in the cool-down is done lying on the back); null = the exercise's",
                example = "SUPINE")
        Position position) {

    public PhaseDose(Phase phase, String guideSection, Dose dose) {
        this(phase, guideSection, dose, null);
    }

    /** The position this phase's version is done in. */
    public Position positionOr(Position exercisePosition) {
        return position != null ? position : exercisePosition;
    }
}
