package org.backrelief.planner.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.backrelief.planner.progression.StepAnchor;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;

import io.quarkus.mongodb.panache.common.MongoEntity;

/** A program: its schedule, its progression state and every adjustment made to it. */
@MongoEntity(collection = "plans")
public class PlanEntity {

    @BsonId
    public String id;
    public String userId;
    public PlanStatus status;
    public Instant createdAt;
    /** ISO date in the user's zone (strings keep date comparisons exact on every MongoDB). */
    public String startDate;
    public int weeks;
    public int sessionsPerWeek;
    public String zoneId;
    /** Rotation seed: different plans rotate exercises differently, each one deterministically. */
    public long seed;
    public int startStep;
    public int anchorWeek;
    public int anchorStep;
    /** The latest pain report (completion or check-in) and when it came. */
    public Integer lastPain;
    public Instant lastPainAt;
    /** {@link AdjustmentView}s as documents, oldest first. */
    public List<Document> adjustments = new ArrayList<>();
    /** Keys of the reports already applied (completion:sessionId, checkin:id): applying is idempotent. */
    public List<String> appliedReports = new ArrayList<>();
    public long version;

    public StepAnchor anchor() {
        return new StepAnchor(anchorWeek, anchorStep);
    }
}
