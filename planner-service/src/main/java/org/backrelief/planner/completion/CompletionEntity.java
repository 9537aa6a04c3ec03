package org.backrelief.planner.completion;

import java.time.Instant;

import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;

import io.quarkus.mongodb.panache.common.MongoEntity;

/**
 * A completed session, stored once per session (the id is the session id), and at the same time the outbox record
 * of its event: {@code data} is the event's payload, {@code published} turns true only after Kafka acknowledged it.
 */
@MongoEntity(collection = "completions")
public class CompletionEntity {

    @BsonId
    public String id;
    public String userId;
    public String planId;
    public String eventId;
    public Instant createdAt;
    /** Week and step of the session when it was completed (the step the plan adapts from). */
    public int weekNumber;
    public int step;
    /** Fingerprint of the request: a retry must carry the same body. */
    public String fingerprint;
    /** {@code SessionCompletedV1} as a document. */
    public Document data;
    /** {@link CompletionView} as a document: what every retry gets back. */
    public Document result;
    public boolean published;
    public Instant publishedAt;
    public int attempts;
    /** The plan has taken this completion into account (set after the adaptation; the sweep retries until then). */
    public boolean adapted;

    /** The key under which the plan records that it applied this completion ({@code PlanEntity.appliedReports}). */
    public String reportKey() {
        return "completion:" + id;
    }
}
