package org.backrelief.planner.plan;

import java.time.Instant;

import org.backrelief.planner.routine.Routine;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;

import io.quarkus.mongodb.panache.common.MongoEntity;

/** One scheduled session with the routine shown for it (a {@code Routine} as a document). */
@MongoEntity(collection = "sessions")
public class SessionEntity {

    @BsonId
    public String id;
    public String planId;
    public String userId;
    public int index;
    public int weekNumber;
    public String scheduledDate;
    public int step;
    public Routine.Mode mode;
    public SessionStatus status;
    public Document routine;
    public Instant composedAt;
    public Instant completedAt;
    /** The pain before the session, as its completion reported it (a next-day check-in compares with it). */
    public Integer painBefore;
}
