package org.backrelief.planner.plan;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class SessionRepository implements PanacheMongoRepositoryBase<SessionEntity, String> {

    public List<SessionEntity> ofPlan(String planId) {
        return list("planId", Sort.ascending("index"), planId);
    }

    public List<SessionEntity> open(String planId) {
        return list("planId = ?1 and status = ?2", Sort.ascending("index"), planId, SessionEntity.SCHEDULED);
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
        return find("_id = ?1 and userId = ?2", sessionId, userId).firstResultOptional();
    }
}
