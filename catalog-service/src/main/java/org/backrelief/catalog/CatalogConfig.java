package org.backrelief.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tunables of the catalog service ({@code backrelief.catalog.*}); each has an env-var override in application.properties. */
@ConfigMapping(prefix = "backrelief.catalog")
public interface CatalogConfig {

    Paging paging();

    Content content();

    Events events();

    interface Paging {
        /** Page size when the client sends none. */
        @WithDefault("20")
        int defaultSize();

        /** Largest page size a client may ask for; larger is a 400. */
        @WithDefault("100")
        int maxSize();
    }

    interface Content {
        /** Load the content files into MongoDB at startup. */
        @WithDefault("true")
        boolean loadOnStartup();
    }

    interface Events {
        /** CloudEvents {@code source} of the events this service publishes. */
        @WithDefault("/backrelief/catalog-service")
        String source();
    }
}
