package org.backrelief.planner.completion;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Updates.set;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.backrelief.planner.outbox.OutboxSource;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;

/**
 * A collection of {@link StoredPainReport}s with the flag {@value #ADAPTED}: set once the plan has taken the report
 * into account (indexed with {@code createdAt}, see MongoIndexes). Completions and check-ins are both.
 */
public interface AdaptationSource<E extends StoredPainReport> extends OutboxSource {

    String ADAPTED = "adapted";

    @Override
    MongoCollection<E> outboxCollection();

    /** The oldest reports stored before {@code before} whose adaptation is not confirmed yet. */
    default List<E> unadapted(Instant before, int limit) {
        return outboxCollection().find(and(eq(ADAPTED, false), lt("createdAt", before)))
                .sort(Sorts.ascending("createdAt")).limit(limit).into(new ArrayList<>());
    }

    /** Marks reports whose plan has taken them into account, in one write. */
    default void markAdapted(Collection<String> ids) {
        if (!ids.isEmpty()) {
            outboxCollection().updateMany(in("_id", ids), set(ADAPTED, true));
        }
    }
}
