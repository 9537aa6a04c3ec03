package org.backrelief.tracking.stats;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.backrelief.common.domain.Phase;
import org.backrelief.tracking.facts.ExerciseFact;
import org.backrelief.tracking.facts.SessionFact;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Lifetime totals. Session minutes come from the session's duration (rests included); phase minutes add up the
 * durations of the exercises done in each phase.
 */
@Schema(description = "Lifetime totals")
public record Totals(
        @Schema(example = "24") int sessions,
        @Schema(description = "Days (user's local days) with at least one session", example = "22") int activeDays,
        @Schema(example = "612.5") double totalMinutes,
        @Schema(description = "Minutes of exercises done, per phase") Map<Phase, Double> minutesByPhase,
        @Schema(example = "180") int exercisesDone,
        @Schema(example = "6") int exercisesSkipped) {

    public static Totals of(Collection<SessionFact> sessions) {
        long seconds = 0;
        Map<Phase, Long> phaseSeconds = new EnumMap<>(Phase.class);
        Set<LocalDate> days = new HashSet<>();
        int done = 0;
        int skipped = 0;
        for (SessionFact session : sessions) {
            seconds += session.durationSeconds();
            days.add(session.localDate());
            for (ExerciseFact exercise : session.exercises()) {
                if (exercise.done()) {
                    done++;
                    phaseSeconds.merge(exercise.phase(), (long) exercise.durationSeconds(), Long::sum);
                } else {
                    skipped++;
                }
            }
        }
        Map<Phase, Double> byPhase = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            byPhase.put(phase, Numbers.minutes(phaseSeconds.getOrDefault(phase, 0L)));
        }
        return new Totals(sessions.size(), days.size(), Numbers.minutes(seconds), byPhase, done, skipped);
    }
}
