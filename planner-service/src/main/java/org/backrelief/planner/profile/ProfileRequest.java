package org.backrelief.planner.profile;

import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.backrelief.common.domain.Equipment;
import org.backrelief.common.domain.Level;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code PUT /api/v1/me/profile}: the whole profile, red-flag screen included. */
@Schema(description = "A person's situation; replaces the stored profile")
public record ProfileRequest(
        @NotNull @Schema(example = "BEGINNER") Level level,
        @NotNull @Min(ProfileSpec.MIN_MINUTES) @Max(ProfileSpec.MAX_MINUTES) @Schema(example = "30") Integer minutesPerSession,
        @NotNull @Min(ProfileSpec.MIN_SESSIONS_PER_WEEK) @Max(ProfileSpec.MAX_SESSIONS_PER_WEEK) @Schema(example = "3")
        Integer sessionsPerWeek,
        @Size(max = 16) @Schema(description = "Equipment at hand", example = "[\"MAT\", \"CHAIR\"]") Set<@NotNull Equipment> equipment,
        @Size(max = 16) @Schema(description = "Positions to avoid; FLOOR = cannot get down to the floor", example = "[\"KNEELING\"]")
        Set<@NotNull AvoidPosition> avoidPositions,
        @Size(max = 16) @Schema(example = "[\"WALKING\"]") Set<@NotNull Preference> preferences,
        @NotNull @Min(0) @Max(10) @Schema(example = "3") Integer currentPain,
        @NotNull @Valid RedFlagScreen redFlags,
        @ValidZoneId @Size(max = 64) @Schema(example = "Europe/Berlin", defaultValue = "UTC") String zoneId,
        @Schema(description = "The person has checked with their doctor that strengthening exercises are safe for them "
                + "(the guide asks for this before any strengthening). Omitted = not yet: every routine with "
                + "strengthening then carries one DOCTOR_CHECK_BEFORE_STRENGTHENING notice", example = "false",
                defaultValue = "false")
        Boolean doctorCheckedStrengthening) {

    public ProfileSpec toSpec() {
        return new ProfileSpec(level, minutesPerSession, sessionsPerWeek, equipment, avoidPositions, preferences,
                currentPain, redFlags.flags(), redFlags.cleared(), zoneId, Boolean.TRUE.equals(doctorCheckedStrengthening));
    }
}
