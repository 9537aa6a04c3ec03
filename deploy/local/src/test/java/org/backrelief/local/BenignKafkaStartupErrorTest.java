package org.backrelief.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.apache.kafka.common.utils.LogContext;
import org.junit.jupiter.api.Test;

class BenignKafkaStartupErrorTest {

    private final BenignKafkaStartupError filter = new BenignKafkaStartupError();

    private static LogRecord error(String message, Object... parameters) {
        LogRecord record = new LogRecord(Level.SEVERE, message);
        record.setParameters(parameters);
        return record;
    }

    @Test
    void theInterruptedLoadOfTheOffsetsTopicAtARestartIsDropped() {
        assertThat(filter.isLoggable(error("Failed to load metadata from {} with epoch {} due to {}.",
                "__consumer_offsets-0", 2,
                "org.apache.kafka.common.errors.NotLeaderOrFollowerException: Stopped loading"))).isFalse();
        assertThat(filter.isLoggable(error("Failed to load metadata from __consumer_offsets-0 with epoch 2 due to "
                + "org.apache.kafka.common.errors.NotLeaderOrFollowerException: Stopped loading."))).isFalse();
        // Kafka's LogContext puts the coordinator's prefix first
        assertThat(filter.isLoggable(error("[GroupCoordinator id=1] Failed to load metadata from {} with epoch {} "
                + "due to {}.", "__consumer_offsets-1", 2,
                "org.apache.kafka.common.errors.NotLeaderOrFollowerException: Stopped loading records from "
                        + "__consumer_offsets-1 because the partition is not online or is no longer the leader.")))
                .isFalse();
    }

    @Test
    void anyOtherFailureOfTheCoordinatorIsStillLogged() {
        assertThat(filter.isLoggable(error("Failed to load metadata from {} with epoch {} due to {}.",
                "__consumer_offsets-0", 2, "org.apache.kafka.common.errors.CorruptRecordException: bad batch")))
                .isTrue();
        assertThat(filter.isLoggable(error("Execution of {} failed due to {}.", "UnloadCoordinator",
                "NotLeaderOrFollowerException: Stopped loading"))).isTrue();
        assertThat(filter.isLoggable(new LogRecord(Level.SEVERE, null))).isTrue();
    }

    @Test
    void installedItDropsTheLineKafkaLogsThroughItsLogContextAndKeepsTheOthers() throws Exception {
        List<LogRecord> published = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                published.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger coordinator = Logger.getLogger(BenignKafkaStartupError.LOGGER);
        coordinator.addHandler(capture);
        try {
            BenignKafkaStartupError.install();
            // as the coordinator runtime logs: through Kafka's LogContext, which prefixes every message
            org.slf4j.Logger kafka = new LogContext("[GroupCoordinator id=1] ")
                    .logger(Class.forName(BenignKafkaStartupError.LOGGER));
            kafka.error("Failed to load metadata from {} with epoch {} due to {}.", "__consumer_offsets-0", 2,
                    "org.apache.kafka.common.errors.NotLeaderOrFollowerException: Stopped loading");
            assertThat(published).isEmpty();
            kafka.error("Failed to load metadata from {} with epoch {} due to {}.", "__consumer_offsets-0", 2,
                    "java.io.IOException: disk full");
            assertThat(published).hasSize(1);
        } finally {
            coordinator.removeHandler(capture);
            coordinator.setFilter(null);
        }
    }
}
