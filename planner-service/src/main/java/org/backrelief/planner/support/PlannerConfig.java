package org.backrelief.planner.support;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The planner's operational choices ({@code backrelief.planner.*}); env-var overrides in application.properties. The
 * exercise rules are not here: they live in code (see the README's rule map). The catalog cache and the outbox relay
 * have their own: {@code catalog/CatalogConfig}, {@code outbox/OutboxConfig}.
 */
@ConfigMapping(prefix = "backrelief.planner")
public interface PlannerConfig {

    /** A session can be completed from its date until this many days later (user's time zone). */
    @WithDefault("3")
    int completionWindowDays();

    @WithDefault("PT10S")
    Duration adaptationSweepInterval();
}
