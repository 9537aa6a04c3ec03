package org.backrelief.planner.plan;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.backrelief.planner.progression.StepAnchor;
import org.bson.BsonDocument;
import org.bson.BsonDocumentWriter;
import org.bson.Document;
import org.bson.codecs.EncoderContext;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateManyModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;

import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PlanRepository implements PanacheMongoRepositoryBase<PlanEntity, String> {

    public Optional<PlanEntity> active(String userId) {
        return find("userId = ?1 and status = ?2", Sort.descending("createdAt"), userId, PlanStatus.ACTIVE.name())
                .firstResultOptional();
    }

    /**
     * Stores a new active plan and marks the user's other active plans replaced, in one round trip: both are update
     * statements of one {@code update} command (the driver sends consecutive updates of a bulk write together). The
     * new plan is an upsert that only sets fields on insert, so, like an insert, it never overwrites a plan that
     * already has this id (a concurrent retry with the same idempotency key).
     */
    public void insertReplacingOthers(PlanEntity plan) {
        MongoCollection<PlanEntity> collection = mongoCollection();
        BsonDocument fields = new BsonDocument();
        collection.getCodecRegistry().get(PlanEntity.class).encode(new BsonDocumentWriter(fields), plan,
                EncoderContext.builder().build());
        fields.remove("_id");
        collection.bulkWrite(List.of(
                new UpdateOneModel<>(eq("_id", plan.id), new BsonDocument("$setOnInsert", fields),
                        new UpdateOptions().upsert(true)),
                new UpdateManyModel<>(and(eq("userId", plan.userId), eq("status", PlanStatus.ACTIVE.name()),
                        ne("_id", plan.id)), set("status", PlanStatus.REPLACED.name()))));
    }

    /**
     * Records a report's adjustment if nobody changed the plan since it was read ({@code version}); on success the
     * given plan is brought to what is now stored (no need to read it back). The latest pain moves only forward in
     * time. False: the plan changed in between, read it again and decide again.
     */
    public boolean applyAdjustment(PlanEntity plan, StepAnchor next, int pain, Instant at, Document adjustment,
            String reportKey) {
        boolean newest = plan.lastPainAt == null || !at.isBefore(plan.lastPainAt);
        Integer lastPain = newest ? pain : plan.lastPain;
        Instant lastPainAt = newest ? at : plan.lastPainAt;
        // userId is implied by _id; it is in the filter so that an index on it can serve the query as well
        UpdateResult result = mongoCollection().updateOne(
                and(eq("_id", plan.id), eq("userId", plan.userId), eq("version", plan.version)),
                combine(set("anchorWeek", next.week()), set("anchorStep", next.step()), set("lastPain", lastPain),
                        set("lastPainAt", lastPainAt), push("adjustments", adjustment),
                        push("appliedReports", reportKey), inc("version", 1L)));
        if (result.getModifiedCount() != 1) {
            return false;
        }
        plan.anchorWeek = next.week();
        plan.anchorStep = next.step();
        plan.lastPain = lastPain;
        plan.lastPainAt = lastPainAt;
        plan.adjustments.add(adjustment);
        plan.appliedReports.add(reportKey);
        plan.version++;
        return true;
    }

    /** Records a pain that refers to no session, unless a later one is recorded already; true if it was recorded. */
    public boolean recordPain(String planId, int pain, Instant at) {
        return mongoCollection().updateOne(and(eq("_id", planId), or(eq("lastPainAt", null), lt("lastPainAt", at))),
                combine(set("lastPain", pain), set("lastPainAt", at), inc("version", 1L))).getModifiedCount() == 1;
    }
}
