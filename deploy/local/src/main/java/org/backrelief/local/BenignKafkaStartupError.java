package org.backrelief.local;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Drops the one ERROR line the embedded broker can print while it starts again on existing data: its group
 * coordinator begins loading {@code __consumer_offsets}, the single node's controller activates and bumps the
 * partition's epoch, and the interrupted load is logged as "Failed to load metadata from __consumer_offsets-N with
 * epoch E due to NotLeaderOrFollowerException: Stopped loading" before it is loaded again at the new epoch. Nothing is
 * lost; a newcomer would read it as a failure (Kafka's own maintainers treat such coordinator-unload errors as
 * misleading, KAFKA-15643). Every other record of that logger, ERRORs included, is kept.
 * <p>
 * Kafka logs it through its {@code LogContext}, which puts the coordinator's prefix ("[GroupCoordinator id=1] ")
 * before the message: the line is recognised wherever its words stand in it.
 */
final class BenignKafkaStartupError implements Filter {

    /** The logger Kafka's coordinator runtime logs through (slf4j name = class name). */
    static final String LOGGER = "org.apache.kafka.coordinator.common.runtime.CoordinatorRuntime";
    /** Held here: a logger nobody references may be collected, and its filter with it. */
    private static final Logger COORDINATOR = Logger.getLogger(LOGGER);

    static void install() {
        COORDINATOR.setFilter(new BenignKafkaStartupError());
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record.getMessage();
        if (message == null || !message.contains("Failed to load metadata from")) {
            return true;
        }
        StringBuilder text = new StringBuilder(message);
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                text.append(' ').append(parameter);
            }
        }
        if (record.getThrown() != null) {
            text.append(' ').append(record.getThrown());
        }
        String all = text.toString();
        return !(all.contains("__consumer_offsets") && all.contains("NotLeaderOrFollowerException")
                && all.contains("Stopped loading"));
    }
}
