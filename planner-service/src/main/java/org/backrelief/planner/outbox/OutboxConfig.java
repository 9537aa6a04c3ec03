package org.backrelief.planner.outbox;

import java.time.Duration;

import org.backrelief.common.events.Topics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The outbox relay's tunables ({@code backrelief.outbox.*}); env-var overrides in application.properties. */
@ConfigMapping(prefix = "backrelief.outbox")
public interface OutboxConfig {

    @WithDefault(Topics.ACTIVITY)
    String topic();

    @WithDefault("PT1S")
    Duration sweepInterval();

    @WithDefault("PT5S")
    Duration sendTimeout();

    @WithDefault("100")
    int batchSize();

    /** The CloudEvents {@code source} of everything the planner publishes. */
    @WithDefault("/backrelief/planner-service")
    String eventSource();
}
