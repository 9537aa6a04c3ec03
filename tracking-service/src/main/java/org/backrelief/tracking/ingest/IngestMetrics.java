package org.backrelief.tracking.ingest;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Counters of the ingest path, tagged so a dashboard can tell sessions from check-ins and reason from reason. */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;
    private final Map<Rejection, Counter> deadLettered = new EnumMap<>(Rejection.class);
    private final Counter sessionsStored;
    private final Counter checkInsStored;
    private final Counter duplicates;
    private final Timer batches;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Rejection reason : Rejection.values()) {
            deadLettered.put(reason, Counter.builder("tracking.events.dead.lettered")
                    .description("Activity records sent to the dead-letter topic")
                    .tag("reason", reason.code()).register(registry));
        }
        sessionsStored = stored("session");
        checkInsStored = stored("checkin");
        duplicates = Counter.builder("tracking.events.duplicates")
                .description("Redelivered or repeated events that changed nothing").register(registry);
        batches = Timer.builder("tracking.ingest.batches").description("Time to make one polled batch durable")
                .register(registry);
    }

    private Counter stored(String type) {
        return Counter.builder("tracking.events.stored").description("New facts stored").tag("type", type)
                .register(registry);
    }

    void deadLettered(Rejection reason) {
        deadLettered.get(reason).increment();
    }

    void stored(int sessions, int checkIns) {
        sessionsStored.increment(sessions);
        checkInsStored.increment(checkIns);
    }

    void duplicates(int count) {
        duplicates.increment(count);
    }

    void retry(String step) {
        registry.counter("tracking.ingest.retries", "step", step).increment();
    }

    Timer batches() {
        return batches;
    }
}
