package org.backrelief.tracking.stats;

import static org.backrelief.tracking.support.Activity.checkInFact;
import static org.backrelief.tracking.support.Activity.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;

import org.backrelief.tracking.facts.CheckInFact;
import org.backrelief.tracking.facts.SessionFact;
import org.junit.jupiter.api.Test;

class PainTrendTest {

    private static final LocalDate MARCH_1 = LocalDate.parse("2024-03-01");

    private static SessionFact sessionOn(String id, String instant, int before, int after) {
        return session("u", id, instant, "UTC").pain(before, after).fact();
    }

    @Test
    void aDayAveragesBeforeAfterAndCheckInsSeparatelyAndTogether() {
        List<SessionFact> sessions = List.of(
                sessionOn("a", "2024-03-01T07:00:00Z", 6, 4),
                sessionOn("b", "2024-03-01T18:00:00Z", 4, 2));
        List<CheckInFact> checkIns = List.of(checkInFact("u", "c1", 3, "2024-03-01T21:00:00Z", "UTC"));

        PainTrend.Day day = PainTrend.of(sessions, checkIns, MARCH_1, MARCH_1).days().get(0);

        assertEquals(5.0, day.before());
        assertEquals(3.0, day.after());
        assertEquals(3.0, day.checkIn());
        assertEquals(3.8, day.average(), "(6 + 4 + 4 + 2 + 3) / 5");
        assertEquals(5, day.readings());
    }

    @Test
    void everyDayOfTheRangeIsListedEmptyDaysWithNulls() {
        PainTrend trend = PainTrend.of(List.of(sessionOn("a", "2024-03-02T07:00:00Z", 5, 3)), List.of(), MARCH_1,
                LocalDate.parse("2024-03-03"));
        assertEquals(3, trend.days().size());
        assertNull(trend.days().get(0).average());
        assertEquals(0, trend.days().get(0).readings());
        assertEquals(4.0, trend.days().get(1).average());
        assertNull(trend.days().get(2).average());
        assertEquals(4.0, trend.days().get(2).rolling7(), "the window still holds 2 March");
    }

    @Test
    void rollingWindowsReachBackAcrossTheMonthEnd() {
        List<SessionFact> sessions = List.of(
                sessionOn("feb-20", "2024-02-20T07:00:00Z", 8, 8), // 10 days before 1 March: in the 28-day window only
                sessionOn("feb-25", "2024-02-25T07:00:00Z", 6, 6), // 5 days before: in both windows
                sessionOn("mar-01", "2024-03-01T07:00:00Z", 2, 2));
        PainTrend.Day march1 = PainTrend.of(sessions, List.of(), MARCH_1, MARCH_1).days().get(0);
        assertEquals(4.0, march1.rolling7(), "(6+6+2+2)/4");
        assertEquals(5.33, march1.rolling28(), "(8+8+6+6+2+2)/6");
    }

    @Test
    void checkInsCountOnTheUsersLocalDay() {
        // 23:30 in Berlin on 31 March (summer time, UTC+2) is 21:30 UTC; 00:30 on 1 April is 22:30 UTC on 31 March
        List<CheckInFact> checkIns = List.of(
                checkInFact("u", "late", 2, "2024-03-31T21:30:00Z", "Europe/Berlin"),
                checkInFact("u", "after-midnight", 6, "2024-03-31T22:30:00Z", "Europe/Berlin"));
        PainTrend trend = PainTrend.of(List.of(), checkIns, LocalDate.parse("2024-03-31"), LocalDate.parse("2024-04-01"));
        assertEquals(2.0, trend.days().get(0).checkIn());
        assertEquals(6.0, trend.days().get(1).checkIn());
        assertEquals(4.0, trend.days().get(1).rolling7());
    }

    @Test
    void theShortDayOfTheDstSwitchIsStillOneDay() {
        // 31 March 2024 has 23 hours in Berlin; both sessions belong to it
        List<SessionFact> sessions = List.of(
                session("u", "early", "2024-03-30T23:30:00Z", "Europe/Berlin").pain(4, 2).fact(), // 00:30 CET
                session("u", "late", "2024-03-31T21:30:00Z", "Europe/Berlin").pain(6, 4).fact()); // 23:30 CEST
        PainTrend trend = PainTrend.of(sessions, List.of(), LocalDate.parse("2024-03-31"), LocalDate.parse("2024-03-31"));
        assertEquals(1, trend.days().size());
        assertEquals(4, trend.days().get(0).readings());
        assertEquals(5.0, trend.days().get(0).before());
    }

    @Test
    void theSummaryOnlyCoversTheRange() {
        List<SessionFact> sessions = List.of(
                sessionOn("old", "2024-02-20T07:00:00Z", 9, 9),
                sessionOn("a", "2024-03-01T07:00:00Z", 6, 4),
                sessionOn("b", "2024-03-02T07:00:00Z", 4, 3));
        PainTrend.Summary summary = PainTrend.of(sessions, List.of(checkInFact("u", "c", 2, "2024-03-02T20:00:00Z", "UTC")),
                MARCH_1, LocalDate.parse("2024-03-02")).summary();
        assertEquals(2, summary.sessions());
        assertEquals(5.0, summary.averageBefore());
        assertEquals(3.5, summary.averageAfter());
        assertEquals(-1.5, summary.averageChange(), "sessions relieve pain by 1.5 on average");
        assertEquals(1, summary.checkIns());
        assertEquals(2.0, summary.averageCheckIn());
    }
}
