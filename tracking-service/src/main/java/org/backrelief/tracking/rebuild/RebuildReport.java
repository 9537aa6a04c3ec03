package org.backrelief.tracking.rebuild;

import java.time.Instant;

import org.bson.codecs.pojo.annotations.BsonId;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.quarkus.mongodb.panache.common.MongoEntity;

/** The state of the latest rebuild, kept in MongoDB so every replica reports the same. */
@MongoEntity(collection = "meta")
@Schema(name = "RebuildStatus", description = "The latest rebuild")
public class RebuildReport {

    public static final String ID = "rebuild";

    public enum State {
        RUNNING,
        COMPLETED,
        FAILED
    }

    @BsonId
    @JsonIgnore
    @Schema(hidden = true)
    public String id = ID;
    public State state;
    @Schema(description = "The generation being built, live once COMPLETED", example = "3")
    public long generation;
    public Instant startedAt;
    public Instant finishedAt;
    @Schema(description = "Records read from the topic", example = "120000")
    public long recordsRead;
    @Schema(description = "Records skipped as invalid (they were dead-lettered when first consumed)", example = "12")
    public long recordsSkipped;
    @Schema(example = "98000")
    public long sessions;
    @Schema(example = "21988")
    public long checkIns;
    @Schema(description = "Why it failed", example = "timed out before reaching the end offsets")
    public String error;

    /** A snapshot, so a caller can serialise it while the rebuild goes on updating the original. */
    RebuildReport copy() {
        RebuildReport copy = new RebuildReport();
        copy.state = state;
        copy.generation = generation;
        copy.startedAt = startedAt;
        copy.finishedAt = finishedAt;
        copy.recordsRead = recordsRead;
        copy.recordsSkipped = recordsSkipped;
        copy.sessions = sessions;
        copy.checkIns = checkIns;
        copy.error = error;
        return copy;
    }
}
