package org.backrelief.tracking.stats;

import static java.time.temporal.TemporalAdjusters.previousOrSame;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.backrelief.tracking.facts.SessionFact;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One calendar week (Monday to Sunday, in the user's local days) against the weekly target.
 * <p>
 * The target is the {@code sessionsPerWeek} carried by the week's last session; a week without one keeps the
 * previous week's target; before any is known it is {@value #DEFAULT_TARGET} (any session makes the week).
 */
@Schema(description = "A calendar week against the weekly target")
public record WeekProgress(
        @Schema(example = "2024-03-25") LocalDate weekStart,
        @Schema(example = "3") int sessions,
        @Schema(example = "3") int target,
        boolean met) {

    public static final int DEFAULT_TARGET = 1;

    public static LocalDate weekStart(LocalDate day) {
        return day.with(previousOrSame(DayOfWeek.MONDAY));
    }

    /** Every week from the first session's week through {@code through}'s week, empty weeks included. */
    public static List<WeekProgress> of(List<SessionFact> sessions, LocalDate through) {
        if (sessions.isEmpty()) {
            return List.of();
        }
        Map<LocalDate, Integer> counts = new TreeMap<>();
        Map<LocalDate, Integer> targets = new TreeMap<>();
        for (SessionFact session : sessions.stream().sorted(SessionFact.CHRONOLOGICAL).toList()) {
            LocalDate week = weekStart(session.localDate());
            counts.merge(week, 1, Integer::sum);
            if (session.sessionsPerWeek() != null) {
                targets.put(week, session.sessionsPerWeek());
            }
        }
        LocalDate first = counts.keySet().iterator().next();
        LocalDate last = weekStart(through);
        for (LocalDate week : counts.keySet()) {
            if (week.isAfter(last)) {
                last = week;
            }
        }
        List<WeekProgress> weeks = new ArrayList<>();
        int target = DEFAULT_TARGET;
        for (LocalDate week = first; !week.isAfter(last); week = week.plusWeeks(1)) {
            target = targets.getOrDefault(week, target);
            int count = counts.getOrDefault(week, 0);
            weeks.add(new WeekProgress(week, count, target, count >= target));
        }
        return weeks;
    }
}
