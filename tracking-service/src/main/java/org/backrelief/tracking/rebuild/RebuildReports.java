package org.backrelief.tracking.rebuild;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;

@ApplicationScoped
public class RebuildReports implements PanacheMongoRepositoryBase<RebuildReport, String> {

    public Optional<RebuildReport> latest() {
        return findByIdOptional(RebuildReport.ID);
    }

    public void save(RebuildReport report) {
        persistOrUpdate(report);
    }
}
