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
    /** When the request arrived. */
    public Instant createdAt;
    /** When the person answered ({@link CheckInTime}); null in check-ins stored before it was recorded. */
    public Instant answeredAt;
    /** The pain check-in event ({@code PainCheckInV1} as its data). */
    public OutboxEntry outbox;
    public boolean adapted;

    /** The key under which the plan records that it applied this check-in ({@code PlanEntity.appliedReports}). */
    public String reportKey() {
        return "checkin:" + id;
    }

    /** When the pain was felt: the answered time, or the arrival for check-ins stored before it was recorded. */
    public Instant painAt() {
        return answeredAt != null ? answeredAt : createdAt;
    }

    /** The plan has taken this check-in into account: the report applied, or (no session) a pain as recent. */
    public boolean appliedTo(org.backrelief.planner.plan.PlanEntity plan) {
        return sessionId == null ? plan.lastPainAt != null && !plan.lastPainAt.isBefore(painAt())
                : plan.appliedReports.contains(reportKey());
    }
}
