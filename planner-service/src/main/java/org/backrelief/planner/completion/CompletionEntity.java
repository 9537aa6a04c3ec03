package org.backrelief.planner.completion;

import java.time.Instant;

import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;

import org.backrelief.planner.outbox.OutboxEntry;

import io.quarkus.mongodb.panache.common.MongoEntity;

/**
 * A completed session, stored once per session (the id is the session id), with the outbox entry of its event
 * ({@code outbox}: stored by the same insert, published once Kafka acknowledged it).
 */
@MongoEntity(collection = "completions")
public class CompletionEntity {

    @BsonId
    public String id;
    public String userId;
    public String planId;
    public Instant createdAt;
    /** Week and step of the session when it was completed (the step the plan adapts from). */
    public int weekNumber;
    public int step;
    /** Fingerprint of the request: a retry must carry the same body. */
    public String fingerprint;
    /** {@link CompletionView} as a document: what every retry gets back. */
    public Document result;
    /** The session-completed event ({@code SessionCompletedV1} as its data). */
    public OutboxEntry outbox;
    /** The plan has taken this completion into account (set after the adaptation; the sweep retries until then). */
    public boolean adapted;

    /** The key under which the plan records that it applied this completion ({@code PlanEntity.appliedReports}). */
    public String reportKey() {
        return "completion:" + id;
    }
}
