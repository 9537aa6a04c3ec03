package org.backrelief.planner.checkin;

import java.time.Instant;

import org.backrelief.planner.completion.StoredPainReport;
import org.backrelief.planner.plan.PlanEntity;

import io.quarkus.mongodb.panache.common.MongoEntity;

/** A pain check-in; its outbox entry carries the {@code PainCheckInV1} event. */
@MongoEntity(collection = "checkins")
public class CheckInEntity extends StoredPainReport {

    /** The session it is about; null when the plan had no completed session to attach it to. */
    public String sessionId;
    public Integer painBefore;
    /** When the person answered ({@link CheckInTime}); null in check-ins stored before it was recorded. */
    public Instant answeredAt;

    /** The key under which the plan records that it applied this check-in ({@code PlanEntity.appliedReports}). */
    public String reportKey() {
        return "checkin:" + id;
    }

    /** When the pain was felt: the answered time, or the arrival for check-ins stored before it was recorded. */
    public Instant painAt() {
        return answeredAt != null ? answeredAt : createdAt;
    }

    /** The plan has taken this check-in into account: the report applied, or (no session) a pain as recent. */
    @Override
    public boolean appliedTo(PlanEntity plan) {
        return sessionId == null ? plan.lastPainAt != null && !plan.lastPainAt.isBefore(painAt())
                : plan.appliedReports.contains(reportKey());
    }
}
