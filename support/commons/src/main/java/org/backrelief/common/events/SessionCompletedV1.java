package org.backrelief.common.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.backrelief.common.domain.Phase;

/**
 * Data of {@link EventTypes#SESSION_COMPLETED_V1}: a person finished (part of) a scheduled session.
 *
 * @param zoneId the user's time zone; "a day" in history and streaks is the user's day
 * @param weekNumber week of the program (1-based), with {@code sessionsPerWeek} it gives weekly adherence
 * @param sessionsScheduledThisWeek how many sessions the plan schedules in that week
 */
public record SessionCompletedV1(
        @Min(1) @Max(1) int schemaVersion,
        @NotBlank @Size(max = 128) String userId,
        @NotBlank @Size(max = 128) String sessionId,
        @Size(max = 128) String planId,
        LocalDate scheduledDate,
        @NotNull Instant completedAt,
        @NotBlank @Size(max = 64) String zoneId,
        @Min(1) Integer weekNumber,
        @Min(0) @Max(14) Integer sessionsScheduledThisWeek,
        @Min(1) @Max(7) Integer sessionsPerWeek,
        @Min(0) @Max(10) int painBefore,
        @Min(0) @Max(10) int painAfter,
        @Min(0) @Max(10) int exertion,
        @Min(0) @Max(86_400) int durationSeconds,
        @Size(max = 2000) String notes,
        @NotNull @Size(max = 100) List<@Valid @NotNull ExerciseResult> exercises) {

    public static final int SCHEMA_VERSION = 1;

    public enum Status {
        DONE,
        SKIPPED
    }

    /** What the person did of one prescribed exercise. */
    public record ExerciseResult(
            @NotBlank @Size(max = 100) String exerciseId,
            @NotNull Phase phase,
            @NotNull Status status,
            @Size(max = 500) String skipReason,
            @Min(0) @Max(100) Integer sets,
            @Min(0) @Max(1000) Integer reps,
            @Min(0) @Max(3600) Integer holdSeconds,
            @Min(0) @Max(86_400) int durationSeconds) {
    }
}
