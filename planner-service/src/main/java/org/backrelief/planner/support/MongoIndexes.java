package org.backrelief.planner.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.backrelief.planner.checkin.CheckInRepository;
import org.backrelief.planner.completion.CompletionRepository;
import org.backrelief.planner.outbox.OutboxSource;
import org.backrelief.planner.plan.PlanRepository;
import org.backrelief.planner.plan.SessionRepository;
import org.jboss.logging.Logger;

import com.mongodb.client.model.Indexes;

import io.quarkus.runtime.StartupEvent;

/**
 * The indexes every query relies on; created at startup (in the background, so a slow database never holds the
 * service up) and idempotent on real MongoDB.
 */
@ApplicationScoped
public class MongoIndexes {

    private static final Logger LOG = Logger.getLogger(MongoIndexes.class);

    private final PlanRepository plans;
    private final SessionRepository sessions;
    private final CompletionRepository completions;
    private final CheckInRepository checkIns;

    public MongoIndexes(PlanRepository plans, SessionRepository sessions, CompletionRepository completions,
            CheckInRepository checkIns) {
        this.plans = plans;
        this.sessions = sessions;
        this.completions = completions;
        this.checkIns = checkIns;
    }

    void onStart(@Observes StartupEvent event) {
        Thread thread = new Thread(this::create, "mongo-indexes");
        thread.setDaemon(true);
        thread.start();
    }

    void create() {
        try {
            plans.mongoCollection().createIndex(Indexes.ascending("userId", "status", "createdAt"));
            sessions.mongoCollection().createIndex(Indexes.ascending("planId", "index"));
            sessions.mongoCollection().createIndex(Indexes.ascending("planId", "status", "completedAt"));
            completions.mongoCollection().createIndex(Indexes.ascending(OutboxSource.STATE, "createdAt"));
            completions.mongoCollection().createIndex(Indexes.ascending("adapted", "createdAt"));
            checkIns.mongoCollection().createIndex(Indexes.ascending(OutboxSource.STATE, "createdAt"));
            checkIns.mongoCollection().createIndex(Indexes.ascending("adapted", "createdAt"));
        } catch (RuntimeException e) {
            LOG.warnf("Could not create MongoDB indexes (queries still work, only slower): %s", e.toString());
        }
    }
}
