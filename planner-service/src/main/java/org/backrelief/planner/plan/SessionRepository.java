package org.backrelief.planner.plan;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class SessionRepository implements PanacheMongoRepositoryBase<SessionEntity, String> {

    public List<SessionEntity> ofPlan(String planId) {
        return list("planId", Sort.ascending("index"), planId);
    }

    /** The open sessions of a plan, without their routines (what a rebuild decides on; it composes new ones). */
    public List<SessionEntity> openWithoutRoutine(String planId) {
        return mongoCollection().find(and(eq("planId", planId), eq("status", SessionEntity.SCHEDULED)))
                .projection(Projections.exclude("routine")).sort(Sorts.ascending("index")).into(new ArrayList<>());
    }

    /** The first open session not yet expired: dates at or after {@code earliestDate} (ISO). */
    public Optional<SessionEntity> next(String planId, String earliestDate) {
        return find("planId = ?1 and status = ?2 and scheduledDate >= ?3", Sort.ascending("index"), planId,
                SessionEntity.SCHEDULED, earliestDate).firstResultOptional();
    }

    public Optional<SessionEntity> lastCompleted(String planId) {
        return find("planId = ?1 and status = ?2", Sort.descending("completedAt"), planId, SessionEntity.COMPLETED)
                .firstResultOptional();
    }

    /** The session, only if it belongs to {@code userId}: someone else's id reads as "not found". */
    public Optional<SessionEntity> owned(String sessionId, String userId) {
        // by _id alone (the primary key answers it), then the owner is checked here
        return findByIdOptional(sessionId).filter(session -> userId.equals(session.userId));
    }
}
