package org.backrelief.catalog.exercise;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.conversions.Bson;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;

/** Exercises in MongoDB. Queries are typed {@link Bson} built by {@link ExerciseFilters}, never client strings. */
@ApplicationScoped
public class ExerciseRepository implements PanacheMongoRepositoryBase<ExerciseEntity, String> {

    /** The indexes behind the list filters and sorts; creating an existing index is a no-op. */
    public void ensureIndexes() {
        mongoCollection().createIndex(Indexes.ascending("phases.phase"), new IndexOptions().name("phases_phase"));
        mongoCollection().createIndex(Indexes.ascending("targets"), new IndexOptions().name("targets"));
        mongoCollection().createIndex(Indexes.ascending("position"), new IndexOptions().name("position"));
        mongoCollection().createIndex(Indexes.ascending("difficulty"), new IndexOptions().name("difficulty"));
        mongoCollection().createIndex(Indexes.ascending("deleted", "sortName"), new IndexOptions().name("live_by_name"));
    }

    public List<ExerciseEntity> search(Bson filter, Bson sort, int page, int size) {
        return mongoCollection().find(filter).sort(sort).skip(page * size).limit(size).into(new ArrayList<>());
    }

    public long count(Bson filter) {
        return mongoCollection().countDocuments(filter);
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
