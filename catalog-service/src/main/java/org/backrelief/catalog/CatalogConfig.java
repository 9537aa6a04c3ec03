package org.backrelief.catalog;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tunables of the catalog service ({@code backrelief.catalog.*}); each has an env-var override in application.properties. */
@ConfigMapping(prefix = "backrelief.catalog")
public interface CatalogConfig {

    Paging paging();

    Content content();

    Events events();

    ReadModel readModel();

    interface Paging {
        /** Page size when the client sends none. */
        @WithDefault("20")
        int defaultSize();

        /** Largest page size a client may ask for; larger is a 400. */
        @WithDefault("100")
        int maxSize();
    }

    interface Content {
        /** Load the content files into MongoDB at startup (skipped when the stored digest says they are applied). */
        @WithDefault("true")
        boolean loadOnStartup();
    }

    interface ReadModel {
        /** How often MongoDB is asked whether another replica changed the catalog (the staleness bound). */
        @WithDefault("1s")
        Duration checkInterval();

        /** Not ready when MongoDB has not confirmed the snapshot for this long. */
        @WithDefault("5s")
        Duration maxUnverified();
    }

    interface Events {
        /** CloudEvents {@code source} of the events this service publishes. */
        @WithDefault("/backrelief/catalog-service")
        String source();

        /** The start-up content load publishes its events this long after the start, off the start-up path. */
        @WithDefault("2s")
        Duration startupDelay();
    }
}
