package org.backrelief.planner.completion;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CompletionRepository implements PanacheMongoRepositoryBase<CompletionEntity, String> {

    public List<CompletionEntity> unpublished(int limit) {
        return find("published", Sort.ascending("createdAt"), false).page(Page.ofSize(limit)).list();
    }

    public List<CompletionEntity> unadapted(Instant before, int limit) {
        return find("adapted = ?1 and createdAt < ?2", Sort.ascending("createdAt"), false, before)
                .page(Page.ofSize(limit)).list();
    }
}
