package org.backrelief.tracking.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.backrelief.tracking.facts.SessionFact;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Completed versus scheduled sessions per program week, for sessions whose event carries the plan's schedule
 * ({@code weekNumber} and {@code sessionsScheduledThisWeek}). A week's schedule is the one its last session
 * carried (plans adapt). The rate counts at most the scheduled sessions, so extra sessions never hide a missed week.
 */
@Schema(description = "Completed versus scheduled sessions per program week")
public record Adherence(
        @Schema(description = "Sessions completed in weeks with a schedule", example = "11") int completed,
        @Schema(example = "12") int scheduled,
        @Schema(description = "Sum of min(completed, scheduled) over sum of scheduled; null without a schedule", example = "0.92") Double rate,
        List<Week> weeks) {

    @Schema(name = "AdherenceWeek", description = "One program week")
    public record Week(
            @Schema(example = "plan-1") String planId,
            @Schema(example = "2") int weekNumber,
            @Schema(example = "2024-03-25") LocalDate firstSessionDate,
            @Schema(example = "2024-03-29") LocalDate lastSessionDate,
            @Schema(example = "3") int completed,
            @Schema(example = "3") int scheduled,
            @Schema(description = "min(completed, scheduled) / scheduled; null for a week with nothing scheduled", example = "1.0") Double rate) {
    }

    public static Adherence of(List<SessionFact> sessions) {
        Map<String, List<SessionFact>> byWeek = new LinkedHashMap<>();
        sessions.stream()
                .filter(s -> s.weekNumber() != null && s.sessionsScheduledThisWeek() != null)
                .sorted(SessionFact.CHRONOLOGICAL)
                .forEach(s -> byWeek.computeIfAbsent(Objects.toString(s.planId(), "") + "\u0000" + s.weekNumber(),
                        key -> new ArrayList<>()).add(s));
        List<Week> weeks = new ArrayList<>();
        int completed = 0;
        int scheduled = 0;
        int counted = 0;
        for (List<SessionFact> week : byWeek.values()) {
            SessionFact first = week.get(0);
            SessionFact last = week.get(week.size() - 1);
            int planned = last.sessionsScheduledThisWeek();
            int done = week.size();
            LocalDate firstDay = week.stream().map(SessionFact::localDate).min(Comparator.naturalOrder()).orElseThrow();
            LocalDate lastDay = week.stream().map(SessionFact::localDate).max(Comparator.naturalOrder()).orElseThrow();
            weeks.add(new Week(first.planId(), first.weekNumber(), firstDay, lastDay, done, planned,
                    planned == 0 ? null : Numbers.round(Math.min(done, planned) / (double) planned, 2)));
            if (planned > 0) {
                completed += done;
                scheduled += planned;
                counted += Math.min(done, planned);
            }
        }
        weeks.sort(Comparator.comparing(Week::firstSessionDate)
                .thenComparing(w -> Objects.toString(w.planId(), ""))
                .thenComparingInt(Week::weekNumber));
        return new Adherence(completed, scheduled, scheduled == 0 ? null : Numbers.round(counted / (double) scheduled, 2),
                weeks);
    }
}
