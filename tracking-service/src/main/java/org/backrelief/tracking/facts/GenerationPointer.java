package org.backrelief.tracking.facts;

import java.time.Instant;

import org.bson.codecs.pojo.annotations.BsonId;

import io.quarkus.mongodb.panache.common.MongoEntity;

/**
 * Which generation of the fact collections is live ({@code sessions_g<N>}, {@code checkins_g<N>}), and which one a
 * rebuild is filling. Swapping a rebuild in is one atomic update of this document.
 */
@MongoEntity(collection = "meta")
public class GenerationPointer {

    public static final String ID = "generations";
    public static final long FIRST_GENERATION = 1;

    @BsonId
    public String id;
    /** The generation every read and every live write uses. */
    public long current;
    /** Highest generation number handed out; a new rebuild takes the next one. */
    public long lastAllocated;
    /** The generation a rebuild is filling; live writes go there too while it is set. */
    public Long building;
    public Instant buildingSince;

    public static GenerationPointer initial() {
        GenerationPointer pointer = new GenerationPointer();
        pointer.id = ID;
        pointer.current = FIRST_GENERATION;
        pointer.lastAllocated = FIRST_GENERATION;
        return pointer;
    }
}
