package org.backrelief.tracking.ingest;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while the consumer is holding a batch it cannot store or dead-letter yet (it retries; nothing is skipped),
 * UP again after the first batch that goes through. Liveness is not affected: restarting would not help.
 */
@Readiness
@ApplicationScoped
public class IngestReadinessCheck implements HealthCheck {

    public static final String NAME = "Activity ingestion";

    private final IngestState state;

    public IngestReadinessCheck(IngestState state) {
        this.state = state;
    }

    @Override
    public HealthCheckResponse call() {
        Instant failingSince = state.failingSince();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(failingSince == null);
        if (failingSince != null) {
            response.withData("retryingSince", failingSince.toString())
                    .withData("step", String.valueOf(state.failingStep()))
                    .withData("lastFailure", String.valueOf(state.lastFailure()));
        }
        Instant lastBatchAt = state.lastBatchAt();
        if (lastBatchAt != null) {
            response.withData("lastBatchAt", lastBatchAt.toString());
        }
        return response.build();
    }
}
