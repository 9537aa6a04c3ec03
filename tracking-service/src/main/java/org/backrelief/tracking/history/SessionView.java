package org.backrelief.tracking.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.backrelief.common.domain.Phase;
import org.backrelief.common.events.SessionCompletedV1.Status;
import org.backrelief.tracking.facts.ExerciseFact;
import org.backrelief.tracking.facts.SessionFact;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One completed session")
public record SessionView(
        @Schema(example = "s-2024-03-29-1") String sessionId,
        @Schema(example = "plan-7") String planId,
        @Schema(description = "The person's local day of completion", example = "2024-03-29") LocalDate date,
        @Schema(example = "2024-03-29T07:31:12.345Z") Instant completedAt,
        @Schema(example = "Europe/Berlin") String zoneId,
        @Schema(example = "2024-03-29") LocalDate scheduledDate,
        @Schema(example = "3") Integer weekNumber,
        @Schema(example = "4") int painBefore,
        @Schema(example = "3") int painAfter,
        @Schema(example = "5") int exertion,
        @Schema(example = "1560") int durationSeconds,
        @Schema(example = "Felt looser after the cat-camel") String notes,
        List<ExerciseResultView> exercises) {

    @Schema(name = "ExerciseResult", description = "What was done of one prescribed exercise")
    public record ExerciseResultView(
            @Schema(example = "bird-dog") String exerciseId,
            Phase phase,
            Status status,
            @Schema(example = "too painful today") String skipReason,
            @Schema(example = "3") Integer sets,
            @Schema(example = "10") Integer reps,
            @Schema(example = "5") Integer holdSeconds,
            @Schema(example = "180") int durationSeconds) {

        static ExerciseResultView of(ExerciseFact e) {
            return new ExerciseResultView(e.exerciseId(), e.phase(), e.status(), e.skipReason(), e.sets(), e.reps(),
                    e.holdSeconds(), e.durationSeconds());
        }
    }

    public static SessionView of(SessionFact s) {
        return new SessionView(s.sessionId(), s.planId(), s.localDate(), s.completedAt(), s.zoneId(), s.scheduledDate(),
                s.weekNumber(), s.painBefore(), s.painAfter(), s.exertion(), s.durationSeconds(), s.notes(),
                s.exercises().stream().map(ExerciseResultView::of).toList());
    }
}
