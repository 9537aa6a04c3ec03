package org.backrelief.planner.profile;

import java.time.Instant;
import java.util.Set;

import org.backrelief.common.domain.Equipment;
import org.backrelief.common.domain.Level;
import org.backrelief.planner.safety.SafetyDecision;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The stored profile and what the safety gate says about it. */
@Schema(description = "A stored profile with today's safety verdict")
public record ProfileView(
        Level level,
        int minutesPerSession,
        int sessionsPerWeek,
        Set<Equipment> equipment,
        Set<AvoidPosition> avoidPositions,
        Set<Preference> preferences,
        int currentPain,
        RedFlagScreen redFlags,
        @Schema(example = "Europe/Berlin") String zoneId,
        Instant screenedAt,
        Instant updatedAt,
        @Schema(example = "PROCEED") SafetyDecision.Outcome safety,
        String safetyMessage,
        @Schema(description = "Checked with a doctor that strengthening exercises are safe", example = "false")
        boolean doctorCheckedStrengthening) {

    public static ProfileView of(ProfileEntity entity, SafetyDecision decision) {
        ProfileSpec spec = entity.toSpec();
        return new ProfileView(spec.level(), spec.minutesPerSession(), spec.sessionsPerWeek(), spec.equipment(),
                spec.avoidPositions(), spec.preferences(), spec.currentPain(),
                RedFlagScreen.of(spec.redFlags(), spec.clearedByClinician()), spec.zoneId(), entity.screenedAt,
                entity.updatedAt, decision.outcome(), decision.message(),
                spec.doctorCheckedStrengthening());
    }
}
