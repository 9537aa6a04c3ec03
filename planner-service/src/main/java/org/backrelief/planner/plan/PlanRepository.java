package org.backrelief.planner.plan;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Updates.set;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.BsonDocument;
import org.bson.BsonDocumentWriter;
import org.bson.codecs.EncoderContext;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateManyModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;

import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PlanRepository implements PanacheMongoRepositoryBase<PlanEntity, String> {

    public Optional<PlanEntity> active(String userId) {
        return find("userId = ?1 and status = ?2", Sort.descending("createdAt"), userId, PlanEntity.ACTIVE)
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
                new UpdateManyModel<>(and(eq("userId", plan.userId), eq("status", PlanEntity.ACTIVE),
                        ne("_id", plan.id)), set("status", PlanEntity.REPLACED))));
    }
}
