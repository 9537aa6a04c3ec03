package org.backrelief.tracking.stats;

import static org.backrelief.tracking.support.Activity.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;

import org.backrelief.tracking.facts.SessionFact;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StreaksTest {

    private static final String BERLIN = "Europe/Berlin";
    private static final String NEW_YORK = "America/New_York";

    private static SessionFact at(String instant, String zone) {
        return session("u", "s-" + instant, instant, zone).fact();
    }

    @Nested
    @DisplayName("in days")
    class Days {

        @Test
        void nobodyHasNoStreak() {
            Streaks streaks = Streaks.of(List.of(), LocalDate.parse("2024-03-01"));
            assertEquals(0, streaks.currentDays());
            assertEquals(0, streaks.longestDays());
            assertNull(streaks.lastActiveDay());
        }

        @Test
        void consecutiveDaysAcrossTheEndOfFebruaryInALeapYear() {
            List<SessionFact> sessions = List.of(
                    at("2024-02-28T07:00:00Z", "UTC"),
                    at("2024-02-29T07:00:00Z", "UTC"),
                    at("2024-03-01T07:00:00Z", "UTC"));
            Streaks streaks = Streaks.of(sessions, LocalDate.parse("2024-03-01"));
            assertEquals(3, streaks.currentDays());
            assertEquals(3, streaks.longestDays());
        }

        @Test
        void aStreakEndingYesterdayIsStillAliveButNotOneEndingTheDayBefore() {
            List<SessionFact> sessions = List.of(at("2024-05-30T07:00:00Z", "UTC"), at("2024-05-31T07:00:00Z", "UTC"));
            assertEquals(2, Streaks.of(sessions, LocalDate.parse("2024-06-01")).currentDays());
            assertEquals(0, Streaks.of(sessions, LocalDate.parse("2024-06-02")).currentDays());
            assertEquals(2, Streaks.of(sessions, LocalDate.parse("2024-06-02")).longestDays());
        }

        @Test
        void twoSessionsOnOneDayCountOnce() {
            List<SessionFact> sessions = List.of(at("2024-04-10T06:00:00Z", "UTC"), at("2024-04-10T18:00:00Z", "UTC"));
            assertEquals(1, Streaks.of(sessions, LocalDate.parse("2024-04-10")).currentDays());
        }

        @Test
        void theDayIsTheUsersLocalDayNotUtc() {
            // 22:30 UTC on 31 March is already 1 April in Berlin (UTC+2 since the spring DST switch that night)
            List<SessionFact> sessions = List.of(at("2024-03-30T20:00:00Z", BERLIN), at("2024-03-31T22:30:00Z", BERLIN));
            assertEquals(LocalDate.parse("2024-04-01"), sessions.get(1).localDate());
            Streaks streaks = Streaks.of(sessions, LocalDate.parse("2024-04-01"));
            assertEquals(1, streaks.currentDays(), "30 March and 1 April are not consecutive");
            assertEquals(LocalDate.parse("2024-04-01"), streaks.lastActiveDay());
        }

        @Test
        void lateEveningSessionsAroundTheSpringDstSwitchStayOnTheirLocalDays() {
            // 23:30 local each evening: UTC+1 before 31 March 2024, UTC+2 from then on
            List<SessionFact> sessions = List.of(
                    at("2024-03-29T22:30:00Z", BERLIN),
                    at("2024-03-30T22:30:00Z", BERLIN),
                    at("2024-03-31T21:30:00Z", BERLIN));
            assertEquals(List.of("2024-03-29", "2024-03-30", "2024-03-31"),
                    sessions.stream().map(s -> s.localDate().toString()).toList());
            assertEquals(3, Streaks.of(sessions, LocalDate.parse("2024-03-31")).currentDays());
        }

        @Test
        void theAutumnDstSwitchNeitherSplitsNorMergesDays() {
            // New York falls back on 3 November 2024: 00:30 local is 04:30Z before, 05:30Z after
            List<SessionFact> sessions = List.of(
                    at("2024-11-02T04:30:00Z", NEW_YORK), // 2 Nov 00:30 EDT
                    at("2024-11-03T04:30:00Z", NEW_YORK), // 3 Nov 00:30 EDT
                    at("2024-11-04T05:30:00Z", NEW_YORK)); // 4 Nov 00:30 EST
            assertEquals(List.of("2024-11-02", "2024-11-03", "2024-11-04"),
                    sessions.stream().map(s -> s.localDate().toString()).toList());
            assertEquals(3, Streaks.of(sessions, LocalDate.parse("2024-11-04")).longestDays());
        }

        @Test
        void theSameInstantIsADifferentDayInAnotherZone() {
            SessionFact losAngeles = at("2024-06-01T03:00:00Z", "America/Los_Angeles");
            SessionFact tokyo = at("2024-06-01T03:00:00Z", "Asia/Tokyo");
            assertEquals(LocalDate.parse("2024-05-31"), losAngeles.localDate());
            assertEquals(LocalDate.parse("2024-06-01"), tokyo.localDate());
        }

        @Test
        void longestIsTheLongestRunNotTheLatest() {
            List<SessionFact> sessions = List.of(
                    at("2024-01-01T07:00:00Z", "UTC"), at("2024-01-02T07:00:00Z", "UTC"),
                    at("2024-01-03T07:00:00Z", "UTC"), at("2024-01-04T07:00:00Z", "UTC"),
                    at("2024-01-10T07:00:00Z", "UTC"), at("2024-01-11T07:00:00Z", "UTC"));
            Streaks streaks = Streaks.of(sessions, LocalDate.parse("2024-01-11"));
            assertEquals(2, streaks.currentDays());
            assertEquals(4, streaks.longestDays());
        }
    }

    @Nested
    @DisplayName("in weeks")
    class Weeks {

        private SessionFact onDay(String day, int perWeek) {
            return session("u", "s-" + day, day + "T07:00:00Z", "UTC").perWeek(perWeek).fact();
        }

        @Test
        void aWeekCountsWhenItsTargetIsMet() {
            List<SessionFact> sessions = List.of(
                    // week of Mon 4 March: 3 of 3
                    onDay("2024-03-04", 3), onDay("2024-03-06", 3), onDay("2024-03-08", 3),
                    // week of 11 March: 2 of 3 — missed
                    onDay("2024-03-11", 3), onDay("2024-03-13", 3),
                    // weeks of 18 and 25 March (across the month end): met
                    onDay("2024-03-18", 3), onDay("2024-03-20", 3), onDay("2024-03-22", 3),
                    onDay("2024-03-27", 3), onDay("2024-03-29", 3), onDay("2024-03-31", 3));
            Streaks streaks = Streaks.of(sessions, LocalDate.parse("2024-03-31"));
            assertEquals(2, streaks.currentWeeks());
            assertEquals(2, streaks.longestWeeks());
        }

        @Test
        void theWeekInProgressDoesNotBreakTheStreakYet() {
            List<SessionFact> sessions = List.of(
                    onDay("2024-03-25", 2), onDay("2024-03-27", 2), // met
                    onDay("2024-04-01", 2)); // Monday of the current week: 1 of 2 so far
            assertEquals(1, Streaks.of(sessions, LocalDate.parse("2024-04-03")).currentWeeks());
            // a week later the unfinished week is over and missed, and this week has nothing yet
            assertEquals(0, Streaks.of(sessions, LocalDate.parse("2024-04-10")).currentWeeks());
        }

        @Test
        void weeksRunMondayToSundayAcrossTheYearEnd() {
            // Mon 30 Dec 2024 to Sun 5 Jan 2025 is one week
            List<SessionFact> sessions = List.of(onDay("2024-12-30", 2), onDay("2025-01-05", 2));
            Streaks streaks = Streaks.of(sessions, LocalDate.parse("2025-01-05"));
            assertEquals(1, streaks.currentWeeks());
            assertEquals(1, streaks.longestWeeks());
        }

        @Test
        void aWeekWithoutATargetKeepsThePreviousOne() {
            List<SessionFact> sessions = List.of(
                    onDay("2024-03-04", 2), onDay("2024-03-05", 2),
                    // no sessionsPerWeek carried: the target stays 2, so one session misses it
                    session("u", "s-x", "2024-03-12T07:00:00Z", "UTC").fact());
            List<WeekProgress> weeks = WeekProgress.of(sessions, LocalDate.parse("2024-03-17"));
            assertEquals(2, weeks.get(1).target());
            assertEquals(false, weeks.get(1).met());
        }

        @Test
        void withoutAnyTargetOneSessionMakesTheWeek() {
            List<SessionFact> sessions = List.of(
                    session("u", "a", "2024-03-04T07:00:00Z", "UTC").fact(),
                    session("u", "b", "2024-03-13T07:00:00Z", "UTC").fact());
            Streaks streaks = Streaks.of(sessions, LocalDate.parse("2024-03-13"));
            assertEquals(2, streaks.currentWeeks());
        }
    }
}
