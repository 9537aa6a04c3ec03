package org.backrelief.planner.plan;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.backrelief.planner.routine.Routine;
import org.bson.Document;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;

import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class SessionRepository implements PanacheMongoRepositoryBase<SessionEntity, String> {

    public List<SessionEntity> ofPlan(String planId) {
        return list("planId", Sort.ascending("index"), planId);
    }

    /** The open sessions of a plan, without their routines (what a rebuild decides on; it composes new ones). */
    public List<SessionEntity> openWithoutRoutine(String planId) {
        return mongoCollection().find(and(eq("planId", planId), eq("status", SessionStatus.SCHEDULED.name())))
                .projection(Projections.exclude("routine")).sort(Sorts.ascending("index")).into(new ArrayList<>());
    }

    /** The first open session not yet expired: dates at or after {@code earliestDate} (ISO). */
    public Optional<SessionEntity> next(String planId, String earliestDate) {
        return find("planId = ?1 and status = ?2 and scheduledDate >= ?3", Sort.ascending("index"), planId,
                SessionStatus.SCHEDULED.name(), earliestDate).firstResultOptional();
    }

    public Optional<SessionEntity> lastCompleted(String planId) {
        return find("planId = ?1 and status = ?2", Sort.descending("completedAt"), planId, SessionStatus.COMPLETED.name())
                .firstResultOptional();
    }

    /** The session, only if it belongs to {@code userId}: someone else's id reads as "not found". */
    public Optional<SessionEntity> owned(String sessionId, String userId) {
        // by _id alone (the primary key answers it), then the owner is checked here
        return findByIdOptional(sessionId).filter(session -> userId.equals(session.userId));
    }

    /** Stores a recomposed routine for one open session (see {@link #routineUpdate}). */
    public void storeRoutine(SessionEntity session, int step, Routine.Mode mode, Document routine, Instant at) {
        UpdateOneModel<SessionEntity> update = routineUpdate(session, step, mode, routine, at);
        mongoCollection().updateOne(update.getFilter(), update.getUpdate());
    }

    /** Stores recomposed routines of many sessions in one round trip; each update stands alone (unordered). */
    public void storeRoutines(List<WriteModel<SessionEntity>> updates) {
        if (!updates.isEmpty()) {
            mongoCollection().bulkWrite(updates, new BulkWriteOptions().ordered(false));
        }
    }

    /**
     * A session's new routine (the given session is updated to match), written only while the session is still
     * open: a completion that came in meanwhile keeps the routine it was done against (planId is implied by _id; it
     * is in the filter so that an index on it can serve the query as well).
     */
    public UpdateOneModel<SessionEntity> routineUpdate(SessionEntity session, int step, Routine.Mode mode,
            Document routine, Instant at) {
        session.step = step;
        session.mode = mode;
        session.routine = routine;
        session.composedAt = at;
        return new UpdateOneModel<>(and(eq("_id", session.id), eq("planId", session.planId),
                eq("status", SessionStatus.SCHEDULED.name())),
                combine(set("step", step), set("mode", mode.name()), set("routine", routine), set("composedAt", at)));
    }

    /** Marks an open session done, with the pain before it (a next-day check-in compares with it); idempotent. */
    public void markCompleted(String sessionId, String planId, Instant at, Integer painBefore) {
        mongoCollection().updateOne(and(eq("_id", sessionId), eq("planId", planId),
                eq("status", SessionStatus.SCHEDULED.name())),
                combine(set("status", SessionStatus.COMPLETED.name()), set("completedAt", at),
                        set("painBefore", painBefore)));
    }
}
