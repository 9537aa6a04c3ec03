package org.backrelief.planner.checkin;

import java.time.Instant;

import org.bson.codecs.pojo.annotations.BsonId;

import org.backrelief.planner.outbox.OutboxEntry;

import io.quarkus.mongodb.panache.common.MongoEntity;

/** A pain check-in, with the outbox entry of its event (stored by the same insert). */
@MongoEntity(collection = "checkins")
public class CheckInEntity {

    @BsonId
    public String id;
    public String userId;
    public String planId;
    public String sessionId;
    public int weekNumber;
    public int step;
    public Integer painBefore;
    public Instant createdAt;
    /** The pain check-in event ({@code PainCheckInV1} as its data). */
    public OutboxEntry outbox;
    public boolean adapted;

    /** The key under which the plan records that it applied this check-in ({@code PlanEntity.appliedReports}). */
    public String reportKey() {
        return "checkin:" + id;
    }

    /** The plan has taken this check-in into account: the report applied, or (no session) a pain as recent. */
    public boolean appliedTo(org.backrelief.planner.plan.PlanEntity plan) {
        return sessionId == null ? plan.lastPainAt != null && !plan.lastPainAt.isBefore(createdAt)
                : plan.appliedReports.contains(reportKey());
    }
}
