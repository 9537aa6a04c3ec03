package org.backrelief.tracking.stats;

import static org.backrelief.tracking.support.Activity.done;
import static org.backrelief.tracking.support.Activity.session;
import static org.backrelief.tracking.support.Activity.skipped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.backrelief.common.domain.Phase;
import org.backrelief.tracking.facts.SessionFact;
import org.junit.jupiter.api.Test;

class ExerciseStatsTest {

    private final List<SessionFact> sessions = List.of(
            session("u", "s1", "2024-03-04T07:00:00Z", "UTC").minutes(20)
                    .exercise(done("plank", Phase.STRENGTHENING, 3, null, 30, 150))
                    .exercise(done("bird-dog", Phase.STRENGTHENING, 3, 8, null, 180))
                    .exercise(done("cat-camel", Phase.WARM_UP, 1, 10, null, 60)).fact(),
            session("u", "s2", "2024-03-06T07:00:00Z", "UTC").minutes(30)
                    .exercise(done("plank", Phase.STRENGTHENING, 3, null, 45, 200))
                    .exercise(skipped("bird-dog", Phase.STRENGTHENING, "wrist hurts"))
                    .exercise(done("cat-camel", Phase.WARM_UP, 1, 10, null, 60)).fact(),
            session("u", "s3", "2024-03-08T07:00:00Z", "UTC").minutes(25)
                    .exercise(done("plank", Phase.STRENGTHENING, 3, null, 45, 200))
                    .exercise(skipped("bird-dog", Phase.STRENGTHENING, " wrist hurts "))
                    .exercise(skipped("cat-camel", Phase.WARM_UP, null)).fact());

    @Test
    void timesDoneSkippedAndWhy() {
        ExerciseStats birdDog = ExerciseStats.of(sessions, "bird-dog");
        assertEquals(1, birdDog.timesDone());
        assertEquals(2, birdDog.timesSkipped());
        assertEquals(Map.of("wrist hurts", 2), birdDog.skipReasons());
        assertEquals(Map.of(ExerciseStats.UNSPECIFIED, 1), ExerciseStats.of(sessions, "cat-camel").skipReasons());
    }

    @Test
    void bestsAndLastDone() {
        ExerciseStats plank = ExerciseStats.of(sessions, "plank");
        assertEquals(3, plank.timesDone());
        assertEquals(45, plank.bestHoldSeconds());
        assertNull(plank.mostReps());
        assertEquals(9, plank.totalSets());
        assertEquals(9.2, plank.totalMinutes(), "550 s");
        assertEquals(LocalDate.parse("2024-03-04"), plank.firstDone());
        assertEquals(LocalDate.parse("2024-03-08"), plank.lastDone());
        // skipped on 8 March: last done stays on the 6th
        assertEquals(LocalDate.parse("2024-03-06"), ExerciseStats.of(sessions, "cat-camel").lastDone());
    }

    @Test
    void anExerciseNeverMetHasZeros() {
        ExerciseStats none = ExerciseStats.of(sessions, "swimming");
        assertEquals(0, none.timesDone());
        assertEquals(0, none.timesSkipped());
        assertNull(none.lastDone());
    }

    @Test
    void personalRecordsAreDatedByTheFirstSessionThatReachedThem() {
        List<WeekProgress> weeks = WeekProgress.of(sessions, LocalDate.parse("2024-03-08"));
        PersonalRecords records = PersonalRecords.of(sessions, Streaks.of(sessions, LocalDate.parse("2024-03-08")), weeks);
        PersonalRecords.ExerciseBest plankHold = records.bestHolds().get(0);
        assertEquals("plank", plankHold.exerciseId());
        assertEquals(45, plankHold.value());
        assertEquals("s2", plankHold.sessionId(), "equalled on s3, but first reached on s2");
        assertEquals(List.of("bird-dog", "cat-camel"),
                records.mostReps().stream().map(PersonalRecords.ExerciseBest::exerciseId).toList());
        assertEquals("s2", records.longestSession().sessionId());
        assertEquals(30.0, records.longestSession().minutes());
        assertEquals(3, records.mostSessionsInAWeek().sessions());
        assertEquals(LocalDate.parse("2024-03-04"), records.mostSessionsInAWeek().weekStart());
    }

    @Test
    void totalsAddUpSessionAndPhaseMinutes() {
        Totals totals = Totals.of(sessions);
        assertEquals(3, totals.sessions());
        assertEquals(3, totals.activeDays());
        assertEquals(75.0, totals.totalMinutes());
        assertEquals(2.0, totals.minutesByPhase().get(Phase.WARM_UP), "two cat-camels of 60 s");
        assertEquals(12.2, totals.minutesByPhase().get(Phase.STRENGTHENING), "150+180+200+200 s = 730 s");
        assertEquals(0.0, totals.minutesByPhase().get(Phase.COOL_DOWN));
        assertEquals(6, totals.exercisesDone());
        assertEquals(3, totals.exercisesSkipped());
    }
}
