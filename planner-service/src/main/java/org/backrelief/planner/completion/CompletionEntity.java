package org.backrelief.planner.completion;

import org.bson.Document;

import org.backrelief.planner.plan.PlanEntity;

import io.quarkus.mongodb.panache.common.MongoEntity;

/**
 * A completed session, stored once per session (the id is the session id); its outbox entry carries the
 * {@code SessionCompletedV1} event.
 */
@MongoEntity(collection = "completions")
public class CompletionEntity extends StoredPainReport {

    /** Fingerprint of the request: a retry must carry the same body. */
    public String fingerprint;
    /** {@link CompletionView} as a document: what every retry gets back. */
    public Document result;

    /** The key under which the plan records that it applied this completion ({@code PlanEntity.appliedReports}). */
    public String reportKey() {
        return "completion:" + id;
    }

    /** The plan has taken this completion into account: it lists the report as applied. */
    @Override
    public boolean appliedTo(PlanEntity plan) {
        return plan.appliedReports.contains(reportKey());
    }
}
