package org.backrelief.tracking.facts;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.backrelief.tracking.config.TrackingConfig;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;

import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;

/**
 * The generation pointer: changed only by a rebuild, always atomically. Ingestion reads it on every batch (a batch
 * must see a rebuild's claim at once); HTTP reads use {@link #currentForReads()}, which re-reads it at most every
 * {@code backrelief.tracking.api.generation-refresh}.
 */
@ApplicationScoped
public class Generations implements PanacheMongoRepositoryBase<GenerationPointer, String> {

    private static final String MONGO_ID = "_id";

    @Inject
    TrackingConfig config;

    private ExpiringValue<Long> liveForReads;

    @PostConstruct
    void init() {
        liveForReads = new ExpiringValue<>(config.api().generationRefresh(), System::nanoTime, () -> read().current);
    }

    public GenerationPointer read() {
        return findByIdOptional(GenerationPointer.ID).orElseGet(GenerationPointer::initial);
    }

    /**
     * The live generation as reads see it: at most {@code generation-refresh} old. A swap by this instance is seen
     * at once; one by another instance (or a manual rollback) within that time.
     */
    public long currentForReads() {
        return liveForReads.get();
    }

    /** Generations live writes must reach: the current one, and the one being rebuilt if any. */
    public List<Long> writeTargets() {
        GenerationPointer pointer = read();
        List<Long> targets = new ArrayList<>(2);
        targets.add(pointer.current);
        if (pointer.building != null && pointer.building != pointer.current) {
            targets.add(pointer.building);
        }
        return targets;
    }

    public void ensureExists() {
        mongoCollection().updateOne(eq(MONGO_ID, GenerationPointer.ID),
                combine(setOnInsert("current", GenerationPointer.FIRST_GENERATION),
                        setOnInsert("lastAllocated", GenerationPointer.FIRST_GENERATION)),
                new UpdateOptions().upsert(true));
    }

    /** A generation number no one else has used. */
    public long allocate() {
        ensureExists();
        GenerationPointer pointer = mongoCollection().findOneAndUpdate(eq(MONGO_ID, GenerationPointer.ID),
                inc("lastAllocated", 1L), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return pointer.lastAllocated;
    }

    /** Marks {@code generation} as being built, unless another rebuild holds the pointer (and is not stale). */
    public boolean claim(long generation, Instant now, Instant staleBefore) {
        return mongoCollection().updateOne(
                and(eq(MONGO_ID, GenerationPointer.ID), or(eq("building", null), lt("buildingSince", staleBefore))),
                combine(set("building", generation), set("buildingSince", now))).getModifiedCount() == 1;
    }

    /** Makes the rebuilt generation the live one, in one update. */
    public boolean swap(long generation) {
        try {
            return mongoCollection().updateOne(and(eq(MONGO_ID, GenerationPointer.ID), eq("building", generation)),
                    combine(set("current", generation), set("building", null), set("buildingSince", null)))
                    .getModifiedCount() == 1;
        } finally {
            liveForReads.invalidate();
        }
    }

    public void release(long generation) {
        mongoCollection().updateOne(and(eq(MONGO_ID, GenerationPointer.ID), eq("building", generation)),
                combine(set("building", null), set("buildingSince", null)));
    }
}
