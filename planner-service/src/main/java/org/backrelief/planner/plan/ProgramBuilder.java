package org.backrelief.planner.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.backrelief.planner.catalog.CatalogSnapshot;
import org.backrelief.planner.profile.ProfileSpec;
import org.backrelief.planner.progression.StepAnchor;
import org.backrelief.planner.routine.RoutinePlanner;
import org.backrelief.planner.routine.RoutineResponse;

/**
 * Lays out a program: {@code weeks} weeks of {@code sessionsPerWeek} sessions each, spread evenly over every 7-day
 * week from the start date, each composed at the step its week is scheduled for. Pure: no I/O, no clock.
 */
public final class ProgramBuilder {

    public static final int DEFAULT_WEEKS = 6;
    public static final int MIN_WEEKS = 1;
    public static final int MAX_WEEKS = 12;
    public static final int DAYS_PER_WEEK = 7;

    private final RoutinePlanner planner = new RoutinePlanner();

    /** One scheduled session; {@code index} is also its rotation day, so consecutive sessions differ. */
    public record ScheduledSession(int index, int weekNumber, LocalDate date, int step, RoutineResponse routine) {
    }

    public List<ScheduledSession> build(ProfileSpec profile, int pain, LocalDate start, int weeks, long seed,
            StepAnchor anchor, CatalogSnapshot snapshot) {
        int perWeek = profile.sessionsPerWeek();
        int[] offsets = dayOffsets(perWeek);
        List<ScheduledSession> sessions = new ArrayList<>(weeks * perWeek);
        for (int week = 1; week <= weeks; week++) {
            for (int i = 0; i < perWeek; i++) {
                int index = sessions.size();
                LocalDate date = start.plusDays((long) (week - 1) * DAYS_PER_WEEK + offsets[i]);
                int step = anchor.stepForWeek(week);
                sessions.add(new ScheduledSession(index, week, date, step,
                        compose(profile, pain, index, seed, step, snapshot)));
            }
        }
        return sessions;
    }

    public RoutineResponse compose(ProfileSpec profile, int pain, int index, long seed, int step,
            CatalogSnapshot snapshot) {
        return planner.plan(profile, pain, index, seed, step, snapshot);
    }

    /** Day offsets inside a week: n sessions as evenly apart as whole days allow (3 a week: days 0, 2, 4). */
    public static int[] dayOffsets(int sessionsPerWeek) {
        int[] offsets = new int[sessionsPerWeek];
        for (int i = 0; i < sessionsPerWeek; i++) {
            offsets[i] = i * DAYS_PER_WEEK / sessionsPerWeek;
        }
        return offsets;
    }
}
