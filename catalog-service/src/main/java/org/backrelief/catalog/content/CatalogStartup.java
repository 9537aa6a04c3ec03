package org.backrelief.catalog.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;

import org.backrelief.catalog.CatalogConfig;
import org.backrelief.catalog.exercise.ExerciseRepository;
import org.backrelief.catalog.phase.PhaseCatalog;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;

/**
 * At startup: check the phases file, create the indexes, load the content. Invalid content or an unreachable
 * database stops the start, so a broken release never serves a partial catalog.
 */
@ApplicationScoped
public class CatalogStartup {

    void onStart(@Observes StartupEvent event, PhaseCatalog phases, ExerciseRepository repository,
            ContentLoader loader, CatalogConfig config) {
        phases.all();
        repository.ensureIndexes();
        if (config.content().loadOnStartup()) {
            loader.load();
        }
    }

    @Produces
    @Singleton
    ContentReader contentReader(ObjectMapper mapper, Validator validator) {
        return new ContentReader(mapper, validator, ContentReader.class.getClassLoader());
    }
}
