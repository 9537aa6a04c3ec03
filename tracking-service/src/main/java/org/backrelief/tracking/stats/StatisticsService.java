package org.backrelief.tracking.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.backrelief.common.problem.ProblemException;
import org.backrelief.tracking.config.TrackingConfig;
import org.backrelief.tracking.facts.CheckInFact;
import org.backrelief.tracking.facts.FactReader;
import org.backrelief.tracking.facts.SessionFact;

/** Loads a person's facts and hands them to the calculators; statistics are never stored, always derived. */
@ApplicationScoped
public class StatisticsService {

    private final FactReader facts;
    private final Clock clock;
    private final int maxTrendDays;

    public StatisticsService(FactReader facts, Clock clock, TrackingConfig config) {
        this.facts = facts;
        this.clock = clock;
        this.maxTrendDays = config.api().maxTrendDays();
    }

    public UserStatistics statistics(String userId) {
        return UserStatistics.of(userId, facts.sessions(userId, null, null, false), facts.checkIns(userId, null, null),
                clock);
    }

    /** Defaults: {@code to} = today in the person's zone, {@code from} = 27 days earlier (four weeks). */
    public PainTrend painTrend(String userId, LocalDate from, LocalDate to) {
        if (to == null) {
            FactReader.Latest latest = facts.latest(userId);
            to = LocalDate.now(clock.withZone(UserStatistics.zoneOf(latest.sessions(), latest.checkIns())));
            if (from != null && from.isAfter(to)) {
                to = from;
            }
        }
        if (from == null) {
            from = to.minusDays(PainTrend.LONG_WINDOW - 1L);
        }
        if (from.isAfter(to)) {
            throw ProblemException.badRequest("from", "must not be after 'to'");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > maxTrendDays) {
            throw ProblemException.badRequest("to", "the range may span at most " + maxTrendDays + " days");
        }
        // the rolling averages of the first days look back 27 days
        LocalDate since = from.minusDays(PainTrend.LONG_WINDOW - 1L);
        List<SessionFact> sessions = facts.sessions(userId, since, to, false);
        List<CheckInFact> checkIns = facts.checkIns(userId, since, to);
        return PainTrend.of(sessions, checkIns, from, to);
    }

    public ExerciseStats exercise(String userId, String exerciseId) {
        return ExerciseStats.of(facts.sessions(userId, null, null, false), exerciseId);
    }
}
