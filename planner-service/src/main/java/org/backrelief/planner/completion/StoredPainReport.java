package org.backrelief.planner.completion;

import java.time.Instant;

import org.bson.codecs.pojo.annotations.BsonId;

import org.backrelief.planner.outbox.OutboxEntry;
import org.backrelief.planner.plan.PlanEntity;

/**
 * A stored pain report, a completion or a check-in: what both documents hold, and what {@link AdaptationSweep} needs
 * to finish a plan adaptation the request that stored it could not.
 */
public abstract class StoredPainReport {

    @BsonId
    public String id;
    public String userId;
    public String planId;
    /** When the request arrived. */
    public Instant createdAt;
    /** Week and step of the session the report is about (the step the plan adapts from). */
    public int weekNumber;
    public int step;
    /** The event that reports it (stored by the same insert, published once Kafka acknowledged it). */
    public OutboxEntry outbox;
    /** The plan has taken the report into account (set after the adaptation; the sweep retries until then). */
    public boolean adapted;

    /** The plan has taken this report into account. */
    public abstract boolean appliedTo(PlanEntity plan);
}
