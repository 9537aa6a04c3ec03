package org.backrelief.planner.completion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.backrelief.planner.checkin.CheckInEntity;
import org.backrelief.planner.checkin.CheckInRepository;
import org.backrelief.planner.checkin.CheckInService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Finishes what a crash or an outage interrupted: completions and check-ins that are stored but have not adapted
 * their plan yet (all follow-ups are idempotent).
 */
@ApplicationScoped
public class AdaptationSweep {

    private static final Logger LOG = Logger.getLogger(AdaptationSweep.class);
    private static final int BATCH = 50;

    private final CompletionRepository completions;
    private final CheckInRepository checkIns;
    private final CompletionService completionService;
    private final CheckInService checkInService;
    private final Clock clock;
    private final Duration interval;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "adaptation-sweep");
        thread.setDaemon(true);
        return thread;
    });

    public AdaptationSweep(CompletionRepository completions, CheckInRepository checkIns,
            CompletionService completionService, CheckInService checkInService, Clock clock,
            @ConfigProperty(name = "backrelief.planner.adaptation-sweep-interval", defaultValue = "PT10S") Duration interval) {
        this.completions = completions;
        this.checkIns = checkIns;
        this.completionService = completionService;
        this.checkInService = checkInService;
        this.clock = clock;
        this.interval = interval;
    }

    void onStart(@Observes StartupEvent event) {
        long every = Math.max(1000, interval.toMillis());
        executor.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    void sweep() {
        try {
            // only records old enough that the request that wrote them has finished its own follow-up
            Instant before = clock.instant().minus(interval);
            for (CompletionEntity completion : completions.unadapted(before, BATCH)) {
                completionService.followUp(completion);
            }
            for (CheckInEntity checkIn : checkIns.unadapted(before, BATCH)) {
                checkInService.followUp(checkIn);
            }
        } catch (RuntimeException e) {
            LOG.debugf("Adaptation sweep failed: %s", e.toString());
        }
    }
}
