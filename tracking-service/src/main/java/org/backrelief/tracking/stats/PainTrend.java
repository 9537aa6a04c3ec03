package org.backrelief.tracking.stats;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.backrelief.tracking.facts.CheckInFact;
import org.backrelief.tracking.facts.SessionFact;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Pain per local day: every reading counts — a session's pain before and after, and each check-in. A day's
 * average is the mean of its readings; the 7- and 28-day averages are the mean of all readings in the window
 * ending that day (so they need the 27 days before {@code from} as input).
 */
@Schema(description = "Pain per day with rolling averages")
public record PainTrend(
        @Schema(example = "2024-03-01") LocalDate from,
        @Schema(example = "2024-03-28") LocalDate to,
        @Schema(description = "Every day of the range, oldest first; null where there is no reading") List<Day> days,
        Summary summary) {

    public static final int SHORT_WINDOW = 7;
    public static final int LONG_WINDOW = 28;

    @Schema(name = "PainDay")
    public record Day(
            @Schema(example = "2024-03-04") LocalDate date,
            @Schema(description = "Mean pain before the day's sessions", example = "4.0") Double before,
            @Schema(description = "Mean pain after the day's sessions", example = "3.0") Double after,
            @Schema(description = "Mean of the day's check-ins", example = "3.0") Double checkIn,
            @Schema(description = "Mean of all the day's readings", example = "3.33") Double average,
            @Schema(example = "3") int readings,
            @Schema(description = "Mean of all readings in the 7 days ending here", example = "3.6") Double rolling7,
            @Schema(description = "Mean of all readings in the 28 days ending here", example = "4.1") Double rolling28) {
    }

    @Schema(name = "PainSummary", description = "Averages over the sessions and check-ins of the range")
    public record Summary(
            @Schema(example = "12") int sessions,
            @Schema(example = "5") int checkIns,
            @Schema(example = "4.25") Double averageBefore,
            @Schema(example = "3.5") Double averageAfter,
            @Schema(description = "Mean of (after - before) per session; negative means sessions relieve pain", example = "-0.75") Double averageChange,
            @Schema(example = "3.2") Double averageCheckIn) {

        public static Summary of(List<SessionFact> sessions, List<CheckInFact> checkIns) {
            double before = 0;
            double after = 0;
            for (SessionFact session : sessions) {
                before += session.painBefore();
                after += session.painAfter();
            }
            double checks = 0;
            for (CheckInFact checkIn : checkIns) {
                checks += checkIn.pain();
            }
            return new Summary(sessions.size(), checkIns.size(), Numbers.mean(before, sessions.size()),
                    Numbers.mean(after, sessions.size()), Numbers.mean(after - before, sessions.size()),
                    Numbers.mean(checks, checkIns.size()));
        }
    }

    /** Readings of one day, kept as sums and counts. */
    private static final class Readings {
        double before;
        int beforeCount;
        double after;
        int afterCount;
        double checkIn;
        int checkInCount;

        double sum() {
            return before + after + checkIn;
        }

        int count() {
            return beforeCount + afterCount + checkInCount;
        }
    }

    /**
     * @param sessions and {@code checkIns}: at least those dated from {@code from - 27 days} to {@code to}; others are
     *        ignored for the days but facts outside [from, to] never enter the summary
     */
    public static PainTrend of(List<SessionFact> sessions, List<CheckInFact> checkIns, LocalDate from, LocalDate to) {
        Map<LocalDate, Readings> byDay = new HashMap<>();
        List<SessionFact> inRange = new ArrayList<>();
        List<CheckInFact> checkInsInRange = new ArrayList<>();
        for (SessionFact session : sessions) {
            Readings day = byDay.computeIfAbsent(session.localDate(), d -> new Readings());
            day.before += session.painBefore();
            day.beforeCount++;
            day.after += session.painAfter();
            day.afterCount++;
            if (within(session.localDate(), from, to)) {
                inRange.add(session);
            }
        }
        for (CheckInFact checkIn : checkIns) {
            Readings day = byDay.computeIfAbsent(checkIn.localDate(), d -> new Readings());
            day.checkIn += checkIn.pain();
            day.checkInCount++;
            if (within(checkIn.localDate(), from, to)) {
                checkInsInRange.add(checkIn);
            }
        }
        List<Day> days = new ArrayList<>((int) ChronoUnit.DAYS.between(from, to) + 1);
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            Readings day = byDay.get(date);
            days.add(new Day(date,
                    day == null ? null : Numbers.mean(day.before, day.beforeCount),
                    day == null ? null : Numbers.mean(day.after, day.afterCount),
                    day == null ? null : Numbers.mean(day.checkIn, day.checkInCount),
                    day == null ? null : Numbers.mean(day.sum(), day.count()),
                    day == null ? 0 : day.count(),
                    rolling(byDay, date, SHORT_WINDOW),
                    rolling(byDay, date, LONG_WINDOW)));
        }
        return new PainTrend(from, to, days, Summary.of(inRange, checkInsInRange));
    }

    /** Mean of all readings in the {@code window} days ending on {@code date}. */
    private static Double rolling(Map<LocalDate, Readings> byDay, LocalDate date, int window) {
        double sum = 0;
        int count = 0;
        for (int back = 0; back < window; back++) {
            Readings day = byDay.get(date.minusDays(back));
            if (day != null) {
                sum += day.sum();
                count += day.count();
            }
        }
        return Numbers.mean(sum, count);
    }

    private static boolean within(LocalDate date, LocalDate from, LocalDate to) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
