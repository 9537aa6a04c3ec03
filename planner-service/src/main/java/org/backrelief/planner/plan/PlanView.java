package org.backrelief.planner.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A program as the person sees it: schedule, steps per week, sessions and adjustments with reasons. */
@Schema(description = "A multi-week program")
public record PlanView(
        String planId,
        @Schema(example = "ACTIVE") String status,
        Instant createdAt,
        LocalDate startDate,
        LocalDate endDate,
        @Schema(example = "6") int weeks,
        @Schema(example = "3") int sessionsPerWeek,
        @Schema(example = "Europe/Berlin") String zoneId,
        @Schema(description = "Progression step (0-5) of the next open session", example = "1") int currentStep,
        List<WeekView> schedule,
        List<SessionSummary> sessions,
        List<AdjustmentView> adjustments) {

    @Schema(name = "WeekView")
    public record WeekView(@Schema(example = "2") int week, @Schema(example = "1") int step) {
    }

    @Schema(name = "SessionSummary")
    public record SessionSummary(String sessionId, int index, int weekNumber, LocalDate scheduledDate,
            @Schema(example = "SCHEDULED") String status, int step, @Schema(example = "STANDARD") String mode,
            @Schema(example = "30") Integer estimatedMinutes) {
    }
}
