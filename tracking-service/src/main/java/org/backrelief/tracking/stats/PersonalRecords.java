package org.backrelief.tracking.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.backrelief.tracking.facts.ExerciseFact;
import org.backrelief.tracking.facts.SessionFact;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Personal bests. Each record is dated by the first session that reached it: matching a record later does not move
 * its date.
 */
@Schema(description = "Personal bests, each dated by the first session that reached it")
public record PersonalRecords(
        SessionBest longestSession,
        @Schema(description = "Longest hold per exercise (exercises with holds)") List<ExerciseBest> bestHolds,
        @Schema(description = "Most reps in a set per exercise (exercises with reps)") List<ExerciseBest> mostReps,
        @Schema(example = "9") int longestDayStreak,
        @Schema(example = "6") int longestWeekStreak,
        WeekBest mostSessionsInAWeek) {

    @Schema(name = "SessionBest")
    public record SessionBest(@Schema(example = "s-41") String sessionId, @Schema(example = "2024-03-12") LocalDate date,
            @Schema(example = "45.0") double minutes) {
    }

    @Schema(name = "ExerciseBest")
    public record ExerciseBest(@Schema(example = "plank") String exerciseId, @Schema(example = "60") int value,
            @Schema(example = "2024-03-20") LocalDate date, @Schema(example = "s-52") String sessionId) {
    }

    @Schema(name = "WeekBest")
    public record WeekBest(@Schema(example = "2024-03-18") LocalDate weekStart, @Schema(example = "5") int sessions) {
    }

    public static PersonalRecords of(List<SessionFact> sessions, Streaks streaks, List<WeekProgress> weeks) {
        SessionFact longest = null;
        Map<String, ExerciseBest> holds = new TreeMap<>();
        Map<String, ExerciseBest> reps = new TreeMap<>();
        for (SessionFact session : sessions.stream().sorted(SessionFact.CHRONOLOGICAL).toList()) {
            if (longest == null || session.durationSeconds() > longest.durationSeconds()) {
                longest = session;
            }
            for (ExerciseFact exercise : session.exercises()) {
                if (exercise.done()) {
                    better(holds, exercise.exerciseId(), exercise.holdSeconds(), session);
                    better(reps, exercise.exerciseId(), exercise.reps(), session);
                }
            }
        }
        WeekBest busiest = null;
        for (WeekProgress week : weeks) {
            if (week.sessions() > 0 && (busiest == null || week.sessions() > busiest.sessions())) {
                busiest = new WeekBest(week.weekStart(), week.sessions());
            }
        }
        return new PersonalRecords(
                longest == null ? null
                        : new SessionBest(longest.sessionId(), longest.localDate(),
                                Numbers.minutes(longest.durationSeconds())),
                new ArrayList<>(holds.values()), new ArrayList<>(reps.values()), streaks.longestDays(),
                streaks.longestWeeks(), busiest);
    }

    private static void better(Map<String, ExerciseBest> bests, String exerciseId, Integer value, SessionFact session) {
        if (value == null || value <= 0) {
            return;
        }
        ExerciseBest best = bests.get(exerciseId);
        if (best == null || value > best.value()) {
            bests.put(exerciseId, new ExerciseBest(exerciseId, value, session.localDate(), session.sessionId()));
        }
    }
}
