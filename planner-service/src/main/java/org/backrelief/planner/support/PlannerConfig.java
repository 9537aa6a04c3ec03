package org.backrelief.planner.support;

import java.time.Duration;

import org.backrelief.common.events.Topics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The planner's tunables ({@code backrelief.*}), one group per feature; the env-var overrides are in
 * application.properties. The exercise rules are not here: they live in code (see the README's rule map).
 */
@ConfigMapping(prefix = "backrelief")
public interface PlannerConfig {

    Catalog catalog();

    Outbox outbox();

    Planner planner();

    Events events();

    interface Catalog {
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
    }

    /** Reloading again while a reload does not show a change event yet (a lagging catalog replica). */
    interface StaleRetry {
        @WithDefault("PT0.5S")
        Duration initialDelay();

        @WithDefault("PT4S")
        Duration maxDelay();

        @WithDefault("4")
        int maxRetries();
    }

    interface Outbox {
        @WithDefault(Topics.ACTIVITY)
        String topic();

        @WithDefault("PT1S")
        Duration sweepInterval();

        @WithDefault("PT5S")
        Duration sendTimeout();

        @WithDefault("100")
        int batchSize();
    }

    interface Planner {
        /** A session can be completed from its date until this many days later (user's time zone). */
        @WithDefault("3")
        int completionWindowDays();

        @WithDefault("PT10S")
        Duration adaptationSweepInterval();
    }

    interface Events {
        /** The CloudEvents {@code source} of everything the planner publishes. */
        @WithDefault("/backrelief/planner-service")
        String source();
    }
}
