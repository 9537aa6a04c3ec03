package org.backrelief.planner.checkin;

import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.set;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.backrelief.common.events.EventTypes;
import org.backrelief.planner.outbox.OutboxSource;

import com.mongodb.client.MongoCollection;

import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CheckInRepository implements PanacheMongoRepositoryBase<CheckInEntity, String>, OutboxSource {

    /** Its documents carry their event's outbox entry. */
    @Override
    public MongoCollection<CheckInEntity> outboxCollection() {
        return mongoCollection();
    }

    @Override
    public String outboxEventType() {
        return EventTypes.PAIN_CHECKIN_V1;
    }

    public List<CheckInEntity> unadapted(Instant before, int limit) {
        return find("adapted = ?1 and createdAt < ?2", Sort.ascending("createdAt"), false, before)
                .page(Page.ofSize(limit)).list();
    }

    /** Marks check-ins whose plan has taken them into account (the sweep confirms them in one write). */
    public void markAdapted(Collection<String> ids) {
        if (!ids.isEmpty()) {
            mongoCollection().updateMany(in("_id", ids), set("adapted", true));
        }
    }
}
