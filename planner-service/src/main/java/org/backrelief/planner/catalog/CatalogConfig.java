package org.backrelief.planner.catalog;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The catalog cache's tunables ({@code backrelief.catalog.*}); env-var overrides in application.properties. */
@ConfigMapping(prefix = "backrelief.catalog")
public interface CatalogConfig {

    /** Safety-net reload besides the change events. */
    @WithDefault("PT5M")
    Duration refreshInterval();

    /** When a reload after a change event fails (catalog unreachable), try again this often. */
    @WithDefault("PT10S")
    Duration retryDelay();

    /** Page size of the catalog reads (the catalog's largest is 100). */
    @WithDefault("100")
    int pageSize();

    StaleRetry staleRetry();

    /** Reloading again while a reload does not show a change event yet (a lagging catalog replica). */
    interface StaleRetry {
        @WithDefault("PT0.5S")
        Duration initialDelay();

        @WithDefault("PT4S")
        Duration maxDelay();

        @WithDefault("4")
        int maxRetries();
    }
}
