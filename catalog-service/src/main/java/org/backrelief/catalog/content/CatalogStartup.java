package org.backrelief.catalog.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;

import org.backrelief.catalog.CatalogConfig;
import org.backrelief.catalog.phase.PhaseCatalog;
import org.backrelief.catalog.readmodel.ExerciseReadModel;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;

/**
 * At startup: check the phases file, load the content (skipped when the stored digest shows these exact files were
 * applied), build the read model, start its freshness check. Invalid content or an unreachable database stops the
 * start, so a broken release never serves a partial catalog. Kafka is not waited for (the producer is lazy).
 */
@ApplicationScoped
public class CatalogStartup {

    void onStart(@Observes StartupEvent event, PhaseCatalog phases, ContentLoader loader, ExerciseReadModel readModel,
            CatalogConfig config) {
        phases.all();
        if (config.content().loadOnStartup()) {
            loader.loadIfChanged();
        }
        readModel.ensureLoaded();
        readModel.startChecking();
    }

    @Produces
    @Singleton
    ContentReader contentReader(ObjectMapper mapper, Validator validator) {
        return new ContentReader(mapper, validator, ContentReader.class.getClassLoader());
    }
}
