package org.backrelief.tracking.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The tracker's own tunables ({@code backrelief.tracking.*}); Kafka and MongoDB settings stay in their namespaces. */
@ConfigMapping(prefix = "backrelief.tracking")
public interface TrackingConfig {

    Ingest ingest();

    Rebuild rebuild();

    Api api();

    interface Ingest {

        /** The activity topic; the {@code activity} channel and the rebuild read the same one. */
        @WithDefault("backrelief.activity")
        String topic();

        @WithDefault("backrelief.activity.dlq")
        String deadLetterTopic();

        /** How long to wait for the dead-letter topic to acknowledge a batch's rejects before retrying. */
        @WithDefault("PT30S")
        Duration deadLetterTimeout();

        /** First pause after a failed write; doubles up to {@link #maxBackoff()}. */
        @WithDefault("PT0.2S")
        Duration initialBackoff();

        @WithDefault("PT5S")
        Duration maxBackoff();
    }

    interface Rebuild {

        /** A replay that has not reached the end offsets by then is abandoned. */
        @WithDefault("PT30M")
        Duration timeout();

        /** A rebuild claim older than this (its instance died) may be taken over. */
        @WithDefault("PT45M")
        Duration staleAfter();

        @WithDefault("1000")
        int maxPollRecords();
    }

    interface Api {

        @WithDefault("20")
        int defaultPageSize();

        @WithDefault("100")
        int maxPageSize();

        /** Longest pain-trend range in days. */
        @WithDefault("731")
        int maxTrendDays();

        /**
         * How long reads may use the live generation number they last read (it changes only when a rebuild swaps;
         * this instance's own swaps are seen at once). Zero reads it on every request.
         */
        @WithDefault("PT1S")
        Duration generationRefresh();
    }
}
