package org.backrelief.catalog.exercise;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;

import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;

/**
 * Exercises in MongoDB: writes, the content bookkeeping and the read model's version check. Lists are served by the
 * in-memory read model, never by a query here (the reference MongoDB query it replaced lives in the tests:
 * {@code ExerciseFilters}, checked by {@code ReadModelMatchesMongoTest}); so no secondary index is needed.
 */
@ApplicationScoped
public class ExerciseRepository implements PanacheMongoRepositoryBase<ExerciseEntity, String> {

    /** Settings documents of the catalog (e.g. which content files were last applied). */
    static final String META_COLLECTION = "catalog_meta";
    private static final String CONTENT_META_ID = "content";

    /** Every exercise id with its version: the read model's cheap "did anything change?" check (no content read). */
    public Map<String, Long> versions() {
        Map<String, Long> versions = new HashMap<>();
        for (BsonDocument doc : mongoCollection().withDocumentClass(BsonDocument.class).find()
                .projection(Projections.include("version"))) {
            BsonValue version = doc.get("version");
            versions.put(doc.getString("_id").getValue(), version != null && version.isNumber()
                    ? version.asNumber().longValue() : -1L);
        }
        return versions;
    }

    /** The digest of the content files last applied completely, or null. */
    public String appliedContentDigest() {
        Document meta = mongoDatabase().getCollection(META_COLLECTION).find(Filters.eq("_id", CONTENT_META_ID)).first();
        return meta == null ? null : meta.getString("digest");
    }

    /** Records that the content files with {@code digest} are applied. */
    public void contentApplied(String digest) {
        mongoDatabase().getCollection(META_COLLECTION).replaceOne(Filters.eq("_id", CONTENT_META_ID),
                new Document("_id", CONTENT_META_ID).append("digest", digest).append("appliedAt", new java.util.Date()),
                new ReplaceOptions().upsert(true));
    }

    /** Ids of {@code ids} that exist (deleted or not). */
    public List<String> existingIds(Collection<String> ids) {
        List<String> found = new ArrayList<>();
        mongoCollection().find(Filters.in("_id", ids)).forEach(entity -> found.add(entity.id));
        return found;
    }

    /** Inserts a new exercise; false when the id is already taken. */
    public boolean insert(ExerciseEntity entity) {
        try {
            mongoCollection().insertOne(entity);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Inserts new exercises in one unordered bulk write.
     *
     * @return those inserted; an id already taken (another replica was first) is left out
     */
    public List<ExerciseEntity> insertAll(List<ExerciseEntity> entities) {
        if (entities.isEmpty()) {
            return List.of();
        }
        try {
            mongoCollection().insertMany(entities, new InsertManyOptions().ordered(false));
            return List.copyOf(entities);
        } catch (MongoBulkWriteException e) {
            Set<Integer> duplicates = new HashSet<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                duplicates.add(error.getIndex());
            }
            List<ExerciseEntity> inserted = new ArrayList<>();
            for (int i = 0; i < entities.size(); i++) {
                if (!duplicates.contains(i)) {
                    inserted.add(entities.get(i));
                }
            }
            return inserted;
        }
    }

    /** Replaces the exercise only if it still has {@code expectedVersion}; false when someone changed it first. */
    public boolean replaceIfVersion(ExerciseEntity next, long expectedVersion) {
        return mongoCollection().replaceOne(Filters.and(Filters.eq("_id", next.id),
                Filters.eq("version", expectedVersion)), next).getMatchedCount() == 1;
    }

    /** Applies {@code update} only if the exercise still has {@code expectedVersion}. */
    public boolean updateIfVersion(String id, long expectedVersion, Bson update) {
        return mongoCollection().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", expectedVersion)),
                update).getMatchedCount() == 1;
    }
}
