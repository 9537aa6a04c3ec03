package org.backrelief.tracking.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

import org.backrelief.tracking.facts.SessionFact;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Streaks in the user's local days and in calendar weeks whose target was met.
 * <p>
 * The current day streak is still alive if the last session was yesterday (today is not over); likewise the
 * current week counts only once its target is met, and until then the streak runs through last week.
 */
@Schema(description = "Current and longest streaks")
public record Streaks(
        @Schema(description = "Consecutive days with a session, ending today or yesterday", example = "3") int currentDays,
        @Schema(example = "9") int longestDays,
        @Schema(description = "Consecutive weeks that met the weekly target, ending this week or last week", example = "4") int currentWeeks,
        @Schema(example = "6") int longestWeeks,
        @Schema(example = "2024-03-31") LocalDate lastActiveDay) {

    static final Streaks NONE = new Streaks(0, 0, 0, 0, null);

    public static Streaks of(List<SessionFact> sessions, LocalDate today) {
        if (sessions.isEmpty()) {
            return NONE;
        }
        TreeSet<LocalDate> days = new TreeSet<>();
        sessions.forEach(session -> days.add(session.localDate()));
        LocalDate last = days.last();
        // a session dated after "today" (clock skew, a zone ahead) must not break the streak
        LocalDate effectiveToday = today.isBefore(last) ? last : today;

        int longestDays = 0;
        int run = 0;
        LocalDate previous = null;
        for (LocalDate day : days) {
            run = previous != null && previous.plusDays(1).equals(day) ? run + 1 : 1;
            longestDays = Math.max(longestDays, run);
            previous = day;
        }
        int currentDays = 0;
        LocalDate cursor = days.contains(effectiveToday) ? effectiveToday : effectiveToday.minusDays(1);
        while (days.contains(cursor)) {
            currentDays++;
            cursor = cursor.minusDays(1);
        }

        List<WeekProgress> weeks = WeekProgress.of(sessions, effectiveToday);
        int longestWeeks = 0;
        run = 0;
        for (WeekProgress week : weeks) {
            run = week.met() ? run + 1 : 0;
            longestWeeks = Math.max(longestWeeks, run);
        }
        int currentWeeks = 0;
        int index = weeks.size() - 1;
        if (index >= 0 && !weeks.get(index).met()) {
            index--; // this week is still in progress
        }
        while (index >= 0 && weeks.get(index).met()) {
            currentWeeks++;
            index--;
        }
        return new Streaks(currentDays, longestDays, currentWeeks, longestWeeks, last);
    }
}
