package org.backrelief.planner.routine;

import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.backrelief.common.domain.Equipment;
import org.backrelief.common.domain.Level;
import org.backrelief.planner.profile.AvoidPosition;
import org.backrelief.planner.profile.Preference;
import org.backrelief.planner.profile.ProfileSpec;
import org.backrelief.planner.profile.RedFlagScreen;
import org.backrelief.planner.profile.ValidZoneId;
import org.backrelief.planner.progression.ProgressionRules;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/v1/routines/preview}: a profile, plus which day (and seed, step) to compose for. */
@Schema(description = "A profile to compose a routine for; nothing is stored")
public record PreviewRequest(
        @NotNull @Schema(example = "BEGINNER") Level level,
        @NotNull @Min(ProfileSpec.MIN_MINUTES) @Max(ProfileSpec.MAX_MINUTES) @Schema(example = "30") Integer minutesPerSession,
        @Min(ProfileSpec.MIN_SESSIONS_PER_WEEK) @Max(ProfileSpec.MAX_SESSIONS_PER_WEEK) @Schema(example = "3")
        Integer sessionsPerWeek,
        @Size(max = 16) @Schema(example = "[\"MAT\"]") Set<@NotNull Equipment> equipment,
        @Size(max = 16) @Schema(example = "[\"KNEELING\"]") Set<@NotNull AvoidPosition> avoidPositions,
        @Size(max = 16) @Schema(example = "[\"WALKING\"]") Set<@NotNull Preference> preferences,
        @NotNull @Min(0) @Max(10) @Schema(example = "3") Integer currentPain,
        @NotNull(message = "required: answer the red-flag questions (all false if none applies)") @Valid
        @Schema(description = "The red-flag screen, required as for a profile (all false when none applies)")
        RedFlagScreen redFlags,
        @ValidZoneId @Size(max = 64) @Schema(example = "UTC") String zoneId,
        @Min(0) @Max(MAX_DAY) @Schema(description = "Rotation day (0 = first); consecutive days differ", example = "0")
        Integer day,
        @Schema(description = "Rotation seed; same seed and day give the same routine", example = "0") Long seed,
        @Min(ProgressionRules.FIRST_STEP) @Max(ProgressionRules.MAX_STEP)
        @Schema(description = "Progression step 0-5; default: where the level starts", example = "0") Integer step,
        @Schema(description = "Checked with a doctor that strengthening is safe; omitted = not yet (the routine then "
                + "carries the doctor-check notice)", example = "false", defaultValue = "false")
        Boolean doctorCheckedStrengthening) {

    public static final int MAX_DAY = 3650;
    public static final int DEFAULT_SESSIONS_PER_WEEK = 3;

    public ProfileSpec toSpec() {
        RedFlagScreen screen = redFlags == null ? RedFlagScreen.NONE : redFlags; // validated non-null at the edge
        return new ProfileSpec(level, minutesPerSession,
                sessionsPerWeek == null ? DEFAULT_SESSIONS_PER_WEEK : sessionsPerWeek, equipment, avoidPositions,
                preferences, currentPain, screen.flags(), screen.cleared(), zoneId,
                Boolean.TRUE.equals(doctorCheckedStrengthening));
    }

    public int stepOrDefault() {
        return step != null ? step : ProgressionRules.startStep(level);
    }
}
