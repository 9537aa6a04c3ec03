package org.backrelief.planner.plan;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PlanRepository implements PanacheMongoRepositoryBase<PlanEntity, String> {

    public Optional<PlanEntity> active(String userId) {
        return find("userId = ?1 and status = ?2", Sort.descending("createdAt"), userId, PlanEntity.ACTIVE)
                .firstResultOptional();
    }
}
