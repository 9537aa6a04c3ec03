package org.backrelief.tracking.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.backrelief.tracking.facts.CheckInFact;
import org.backrelief.tracking.facts.SessionFact;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Everything the stats page shows, computed from the person's stored facts only — so it is the same whatever order
 * the events arrived in, however often they were delivered, and after a rebuild.
 * <p>
 * "Today" is today in the time zone of the person's most recent session or check-in.
 */
@Schema(description = "A person's statistics")
public record UserStatistics(
        @Schema(example = "user-42") String userId,
        @Schema(description = "Today in the person's time zone", example = "2024-03-31") LocalDate today,
        @Schema(description = "Zone of the most recent session or check-in", example = "Europe/Berlin") String zoneId,
        Totals totals,
        Streaks streaks,
        Adherence adherence,
        PainOverview pain,
        List<ExerciseStats> exercises,
        PersonalRecords personalRecords) {

    @Schema(description = "Pain at a glance")
    public record PainOverview(
            @Schema(description = "Mean of all readings in the 7 days ending today", example = "3.4") Double last7Days,
            @Schema(description = "Mean of all readings in the 28 days ending today", example = "3.9") Double last28Days,
            @Schema(description = "Lifetime averages") PainTrend.Summary lifetime) {
    }

    public static UserStatistics of(String userId, List<SessionFact> sessions, List<CheckInFact> checkIns,
            Clock clock) {
        ZoneId zone = zoneOf(sessions, checkIns);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Streaks streaks = Streaks.of(sessions, today);
        List<WeekProgress> weeks = WeekProgress.of(sessions, today);
        PainTrend.Day todayPain = PainTrend.of(sessions, checkIns, today, today).days().get(0);
        return new UserStatistics(userId, today, zone.getId(), Totals.of(sessions), streaks, Adherence.of(sessions),
                new PainOverview(todayPain.rolling7(), todayPain.rolling28(), PainTrend.Summary.of(sessions, checkIns)),
                new ArrayList<>(ExerciseStats.of(sessions).values()), PersonalRecords.of(sessions, streaks, weeks));
    }

    /**
     * The zone of the latest fact, UTC for someone with no facts. Ties are broken the same way whatever the order of
     * the lists: a session beats a check-in at the same instant, then the smaller zone id wins.
     */
    public static ZoneId zoneOf(List<SessionFact> sessions, List<CheckInFact> checkIns) {
        Instant latest = null;
        String zone = null;
        for (SessionFact session : sessions) {
            if (later(session.completedAt(), session.zoneId(), latest, zone)) {
                latest = session.completedAt();
                zone = session.zoneId();
            }
        }
        Instant latestSession = latest;
        for (CheckInFact checkIn : checkIns) {
            boolean tiesWithSession = latestSession != null && checkIn.recordedAt().equals(latestSession);
            if (!tiesWithSession && later(checkIn.recordedAt(), checkIn.zoneId(), latest, zone)) {
                latest = checkIn.recordedAt();
                zone = checkIn.zoneId();
            }
        }
        return zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
    }

    private static boolean later(Instant at, String zone, Instant latest, String latestZone) {
        return latest == null || at.isAfter(latest) || at.equals(latest) && zone.compareTo(latestZone) < 0;
    }
}
