package org.backrelief.tracking.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.backrelief.common.domain.Phase;
import org.backrelief.tracking.facts.ExerciseFact;
import org.backrelief.tracking.facts.SessionFact;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How one person has done with one exercise, over all their sessions. */
@Schema(description = "Statistics of one exercise for one person")
public record ExerciseStats(
        @Schema(example = "bird-dog") String exerciseId,
        @Schema(description = "Phase of the latest occurrence") Phase phase,
        @Schema(example = "14") int timesDone,
        @Schema(example = "2") int timesSkipped,
        @Schema(description = "Skip reason → times; a missing reason counts as \"" + ExerciseStats.UNSPECIFIED + "\"") Map<String, Integer> skipReasons,
        @Schema(example = "45") Integer bestHoldSeconds,
        @Schema(example = "12") Integer mostReps,
        @Schema(example = "42") int totalSets,
        @Schema(example = "28.5") double totalMinutes,
        @Schema(example = "2024-02-05") LocalDate firstDone,
        @Schema(example = "2024-03-29") LocalDate lastDone,
        @Schema(example = "2024-03-29T07:31:12Z") Instant lastDoneAt) {

    public static final String UNSPECIFIED = "unspecified";

    /** Every exercise the person met (done or skipped), by exercise id. */
    public static Map<String, ExerciseStats> of(List<SessionFact> sessions) {
        Map<String, Builder> builders = new TreeMap<>();
        for (SessionFact session : sessions.stream().sorted(SessionFact.CHRONOLOGICAL).toList()) {
            for (ExerciseFact exercise : session.exercises()) {
                builders.computeIfAbsent(exercise.exerciseId(), Builder::new).add(session, exercise);
            }
        }
        Map<String, ExerciseStats> stats = new TreeMap<>();
        builders.forEach((id, builder) -> stats.put(id, builder.build()));
        return stats;
    }

    /** One exercise; all zeros if the person never met it. */
    public static ExerciseStats of(List<SessionFact> sessions, String exerciseId) {
        ExerciseStats stats = of(sessions).get(exerciseId);
        return stats != null ? stats : new Builder(exerciseId).build();
    }

    private static final class Builder {
        private final String exerciseId;
        private Phase phase;
        private int done;
        private int skipped;
        private final Map<String, Integer> skipReasons = new TreeMap<>();
        private Integer bestHold;
        private Integer mostReps;
        private int sets;
        private long seconds;
        private LocalDate firstDone;
        private LocalDate lastDone;
        private Instant lastDoneAt;

        Builder(String exerciseId) {
            this.exerciseId = exerciseId;
        }

        /** Sessions arrive oldest first. */
        void add(SessionFact session, ExerciseFact exercise) {
            phase = exercise.phase();
            if (!exercise.done()) {
                skipped++;
                String reason = exercise.skipReason() == null || exercise.skipReason().isBlank() ? UNSPECIFIED
                        : exercise.skipReason().strip();
                skipReasons.merge(reason, 1, Integer::sum);
                return;
            }
            done++;
            if (exercise.holdSeconds() != null && (bestHold == null || exercise.holdSeconds() > bestHold)) {
                bestHold = exercise.holdSeconds();
            }
            if (exercise.reps() != null && (mostReps == null || exercise.reps() > mostReps)) {
                mostReps = exercise.reps();
            }
            sets += exercise.sets() == null ? 0 : exercise.sets();
            seconds += exercise.durationSeconds();
            if (firstDone == null) {
                firstDone = session.localDate();
            }
            lastDone = session.localDate();
            lastDoneAt = session.completedAt();
        }

        ExerciseStats build() {
            return new ExerciseStats(exerciseId, phase, done, skipped, skipReasons, bestHold, mostReps, sets,
                    Numbers.minutes(seconds), firstDone, lastDone, lastDoneAt);
        }
    }
}
