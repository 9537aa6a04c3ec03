package org.backrelief.catalog.phase;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.backrelief.catalog.exercise.Range;
import org.backrelief.common.domain.Phase;
import org.backrelief.common.domain.Source;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A workout phase as the guide describes it: its place in the order, purpose, duration and general rules. */
@Schema(name = "PhaseInfo", description = "One of the five workout phases, in guide order")
public record PhaseInfo(
        @Schema(description = "The phase", example = "COOL_DOWN") @NotNull Phase phase,
        @Schema(description = "Position in a workout, 1 = first", example = "5", minimum = "1", maximum = "5")
        @NotNull @Min(1) @Max(5) Integer order,
        @Schema(description = "Display name", example = "Cool-down", maxLength = 40)
        @NotBlank @Size(max = 40) String name,
        @Schema(description = "What the phase is for", maxLength = 500,
                example = "Help your body recover: reduce soreness, stiffness, tension and spasms.")
        @NotBlank @Size(max = 500) String purpose,
        @Schema(description = "Recommended duration in minutes", example = "{\"min\": 5, \"max\": 10}")
        @NotNull @Valid Range recommendedMinutes,
        @Schema(description = "Where the recommended minutes come from: GUIDE or DEFAULT (a BackRelief choice where the "
                + "guide gives no duration; recommendedMinutesNote names the source)", example = "GUIDE")
        @NotNull Source recommendedMinutesSource,
        @Schema(description = "For DEFAULT minutes: which figures are not from the guide and their source",
                example = "The guide gives no duration for strengthening: 10-20 minutes is a BackRelief default.",
                maxLength = 300)
        @Size(max = 300) String recommendedMinutesNote,
        @Schema(description = "General rules from the guide",
                example = "[\"Spend 5-10 minutes cooling down after every workout.\"]")
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 300) String> rules,
        @Schema(description = "The guide section it comes from", example = "Cool Down", maxLength = 120)
        @NotBlank @Size(max = 120) String guideSection) {
}
