package org.backrelief.tracking.stats;

import static org.backrelief.tracking.support.Activity.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.backrelief.tracking.facts.SessionFact;
import org.junit.jupiter.api.Test;

class AdherenceTest {

    private static SessionFact planned(String id, String instant, int week, int scheduled) {
        return session("u", id, instant, "UTC").plan("plan-1", week, scheduled).fact();
    }

    @Test
    void completedAgainstScheduledPerProgramWeek() {
        Adherence adherence = Adherence.of(List.of(
                planned("a", "2024-03-04T07:00:00Z", 1, 3),
                planned("b", "2024-03-06T07:00:00Z", 1, 3),
                planned("c", "2024-03-08T07:00:00Z", 1, 3),
                planned("d", "2024-03-12T07:00:00Z", 2, 3)));
        assertEquals(2, adherence.weeks().size());
        Adherence.Week first = adherence.weeks().get(0);
        assertEquals(1, first.weekNumber());
        assertEquals(3, first.completed());
        assertEquals(1.0, first.rate());
        Adherence.Week second = adherence.weeks().get(1);
        assertEquals(1, second.completed());
        assertEquals(0.33, second.rate());
        assertEquals(4, adherence.completed());
        assertEquals(6, adherence.scheduled());
        assertEquals(0.67, adherence.rate());
    }

    @Test
    void extraSessionsDoNotMakeUpForAMissedWeek() {
        Adherence adherence = Adherence.of(List.of(
                planned("a", "2024-03-04T07:00:00Z", 1, 2),
                planned("b", "2024-03-05T07:00:00Z", 1, 2),
                planned("c", "2024-03-06T07:00:00Z", 1, 2),
                planned("d", "2024-03-07T07:00:00Z", 1, 2),
                planned("e", "2024-03-12T07:00:00Z", 2, 2)));
        assertEquals(4, adherence.weeks().get(0).completed());
        assertEquals(1.0, adherence.weeks().get(0).rate());
        // (2 + 1) of 4, not 5 of 4
        assertEquals(0.75, adherence.rate());
    }

    @Test
    void aProgramWeekSpanningAMonthEndIsOneWeek() {
        Adherence adherence = Adherence.of(List.of(
                planned("a", "2024-04-29T07:00:00Z", 5, 2),
                planned("b", "2024-05-02T07:00:00Z", 5, 2)));
        assertEquals(1, adherence.weeks().size());
        assertEquals("2024-04-29", adherence.weeks().get(0).firstSessionDate().toString());
        assertEquals("2024-05-02", adherence.weeks().get(0).lastSessionDate().toString());
        assertEquals(1.0, adherence.rate());
    }

    @Test
    void theScheduleOfTheWeeksLastSessionCounts() {
        // the plan adapted mid-week from 3 to 2 sessions
        Adherence adherence = Adherence.of(List.of(
                planned("a", "2024-03-04T07:00:00Z", 1, 3),
                planned("b", "2024-03-06T07:00:00Z", 1, 2)));
        assertEquals(2, adherence.weeks().get(0).scheduled());
        assertEquals(1.0, adherence.rate());
    }

    @Test
    void sessionsWithoutAScheduleAreLeftOut() {
        Adherence adherence = Adherence.of(List.of(session("u", "free", "2024-03-04T07:00:00Z", "UTC").fact()));
        assertEquals(0, adherence.weeks().size());
        assertNull(adherence.rate());
    }

    @Test
    void aRestWeekHasNoRate() {
        Adherence adherence = Adherence.of(List.of(planned("a", "2024-03-04T07:00:00Z", 4, 0)));
        assertNull(adherence.weeks().get(0).rate());
        assertNull(adherence.rate());
    }
}
