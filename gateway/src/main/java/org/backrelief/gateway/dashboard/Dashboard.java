package org.backrelief.gateway.dashboard;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Everything the home screen shows, in one call. */
@Schema(name = "Dashboard")
public record Dashboard(
        @Schema(description = "The next scheduled session with its routine (planner-service); no data when there is no program or nothing left to do") Section nextSession,
        @Schema(description = "Current and longest streaks in days and weeks (tracking-service statistics: streaks)") Section streak,
        @Schema(description = "Completed vs. scheduled sessions per program week, and the overall rate (tracking-service statistics: adherence)") Section weeklyAdherence,
        @Schema(description = "Pain per day over the last 28 days ending today in your time zone, with 7- and 28-day averages (tracking-service pain trend)") Section painTrend) {
}
