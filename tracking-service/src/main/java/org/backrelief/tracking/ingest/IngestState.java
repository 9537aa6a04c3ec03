package org.backrelief.tracking.ingest;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;

/** What the readiness check reports about ingestion: healthy, or retrying since when and why. */
@ApplicationScoped
public class IngestState {

    private volatile Instant failingSince;
    private volatile String failingStep;
    private volatile String lastFailure;
    private volatile Instant lastBatchAt;
    private volatile boolean stopping;

    void failing(String step, Throwable failure) {
        if (failingSince == null) {
            failingSince = Instant.now();
        }
        failingStep = step;
        lastFailure = failure.getClass().getSimpleName();
    }

    void recovered() {
        failingSince = null;
        failingStep = null;
    }

    void batchDone() {
        lastBatchAt = Instant.now();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    public boolean stopping() {
        return stopping;
    }

    public Instant failingSince() {
        return failingSince;
    }

    public String failingStep() {
        return failingStep;
    }

    public String lastFailure() {
        return lastFailure;
    }

    public Instant lastBatchAt() {
        return lastBatchAt;
    }
}
