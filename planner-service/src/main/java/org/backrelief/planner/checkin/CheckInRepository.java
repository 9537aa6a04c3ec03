package org.backrelief.planner.checkin;

import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.set;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CheckInRepository implements PanacheMongoRepositoryBase<CheckInEntity, String> {

    public List<CheckInEntity> unpublished(int limit) {
        return find("published", Sort.ascending("createdAt"), false).page(Page.ofSize(limit)).list();
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
