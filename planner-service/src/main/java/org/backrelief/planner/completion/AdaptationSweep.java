package org.backrelief.planner.completion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.backrelief.planner.checkin.CheckInRepository;
import org.backrelief.planner.checkin.CheckInService;
import org.backrelief.planner.plan.PlanEntity;
import org.backrelief.planner.plan.PlanRepository;
import org.backrelief.planner.support.PlannerConfig;
import org.jboss.logging.Logger;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import io.quarkus.scheduler.Scheduled;

/**
 * Finishes what a crash or an outage interrupted: completions and check-ins that are stored but have not adapted
 * their plan yet (all follow-ups are idempotent). A request adapts the plan itself but leaves the record's
 * {@code adapted} flag to this sweep (one round trip less per request): where the plan shows the report applied, the
 * flag is only confirmed, in one write per batch.
 */
@ApplicationScoped
public class AdaptationSweep {

    private static final Logger LOG = Logger.getLogger(AdaptationSweep.class);
    private static final int BATCH = 50;

    private final CompletionRepository completions;
    private final CheckInRepository checkIns;
    private final PlanRepository plans;
    private final CompletionService completionService;
    private final CheckInService checkInService;
    private final Clock clock;
    private final Duration interval;

    public AdaptationSweep(CompletionRepository completions, CheckInRepository checkIns, PlanRepository plans,
            CompletionService completionService, CheckInService checkInService, Clock clock, PlannerConfig config) {
        this.completions = completions;
        this.checkIns = checkIns;
        this.plans = plans;
        this.completionService = completionService;
        this.checkInService = checkInService;
        this.clock = clock;
        this.interval = config.adaptationSweepInterval();
    }

    /** Every {@code adaptation-sweep-interval}, first one interval after startup; never two sweeps at once. */
    @Scheduled(identity = "adaptation-sweep", every = "${backrelief.planner.adaptation-sweep-interval}",
            delayed = "${backrelief.planner.adaptation-sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            // only records old enough that the request that wrote them has finished its own follow-up
            Instant before = clock.instant().minus(interval);
            confirmOrFollowUp(completions, before, completionService::followUp);
            confirmOrFollowUp(checkIns, before, checkInService::followUp);
        } catch (RuntimeException e) {
            LOG.debugf("Adaptation sweep failed: %s", e.toString());
        }
    }

    private <R extends StoredPainReport> void confirmOrFollowUp(AdaptationSource<R> source, Instant before,
            Consumer<R> followUp) {
        List<R> due = source.unadapted(before, BATCH);
        Map<String, PlanEntity> plansOfReports = plansOf(due.stream().map(report -> report.planId));
        List<String> confirmed = new ArrayList<>();
        for (R report : due) {
            PlanEntity plan = plansOfReports.get(report.planId);
            if (plan != null && report.appliedTo(plan)) {
                confirmed.add(report.id); // the request adapted the plan: only the flag was left to set
            } else {
                followUp.accept(report);
            }
        }
        source.markAdapted(confirmed);
    }

    /** The plans with these ids, read in one query (only what confirming needs). */
    private Map<String, PlanEntity> plansOf(Stream<String> planIds) {
        Set<String> ids = planIds.filter(Objects::nonNull).collect(Collectors.toSet());
        Map<String, PlanEntity> found = new HashMap<>();
        if (!ids.isEmpty()) {
            plans.mongoCollection().find(Filters.in("_id", ids))
                    .projection(Projections.include("appliedReports", "lastPainAt"))
                    .forEach(plan -> found.put(plan.id, plan));
        }
        return found;
    }
}
