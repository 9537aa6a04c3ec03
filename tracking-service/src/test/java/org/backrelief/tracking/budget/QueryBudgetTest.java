package org.backrelief.tracking.budget;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.backrelief.tracking.support.Activity.checkIn;
import static org.backrelief.tracking.support.Activity.checkInEvent;
import static org.backrelief.tracking.support.Activity.newId;
import static org.backrelief.tracking.support.Activity.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.backrelief.common.events.Topics;
import org.backrelief.testing.mongo.MongoCommands.Command;
import org.backrelief.tracking.facts.FactReader;
import org.backrelief.tracking.ingest.DecodedBatch;
import org.backrelief.tracking.ingest.IncomingActivity;
import org.backrelief.tracking.ingest.IngestPipeline;
import org.backrelief.tracking.stats.StatisticsService;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Each hot tracker operation against its budget in {@link QueryBudgets}, counted at the driver over the real
 * Mongo-protocol server: adding a round trip to any of them fails here. Reads may re-read the generation pointer when
 * its {@code GENERATION_REFRESH} ran out between the warm-up and the measurement; that one read is not theirs.
 */
@QuarkusTest
@Order(2)
class QueryBudgetTest {

    private static final String POINTER = "meta";

    @Inject
    TrackingMongoCommands mongo;
    @Inject
    IngestPipeline pipeline;
    @Inject
    FactReader facts;
    @Inject
    StatisticsService statistics;

    @Test
    void storingABatchIsOnePointerReadAndOneInsertPerCollection() {
        String user = "budget-ingest-" + newId();
        DecodedBatch batch = pipeline.decode(batchOf(user, 40));
        assertThat(batch.rejected()).isEmpty();

        List<Command> stored = mongo.during(() -> pipeline.store(batch));
        assertThat(stored).as("commands of a new batch: %s", stored).hasSize(QueryBudgets.INGEST_BATCH);
        assertThat(stored.stream().filter(c -> c.name().equals("insert"))).hasSize(2);

        List<Command> again = mongo.during(() -> pipeline.store(pipeline.decode(batchOf(user, 40))));
        assertThat(again).as("commands of a redelivered batch: %s", again).hasSize(QueryBudgets.INGEST_BATCH_REDELIVERED);
    }

    @Test
    void aHistoryPageIsOneQueryPlusACountOnlyWhenFull() {
        String user = "budget-history-" + newId();
        pipeline.store(pipeline.decode(batchOf(user, 6)));
        facts.history(user, null, null, 0, 20); // warm-up: the generation pointer is then reused

        List<Command> partial = reads(mongo.during(() -> facts.history(user, null, null, 0, 20)).commands());
        assertThat(partial).as("a page that is not full: %s", partial).hasSize(QueryBudgets.HISTORY_PAGE);

        List<Command> full = reads(mongo.during(() -> facts.history(user, null, null, 0, 2)).commands());
        assertThat(full).as("a full page: %s", full).hasSize(QueryBudgets.HISTORY_PAGE_WITH_COUNT);
    }

    @Test
    void theStatisticsAreTwoQueries() {
        String user = "budget-stats-" + newId();
        pipeline.store(pipeline.decode(batchOf(user, 6)));
        statistics.statistics(user);

        List<Command> commands = reads(mongo.during(() -> statistics.statistics(user)).commands());
        assertThat(commands).as("statistics: %s", commands).hasSize(QueryBudgets.STATS);
    }

    /** The commands of a read, without the generation pointer's refresh (at most one). */
    private static List<Command> reads(List<Command> commands) {
        assertThat(commands.stream().filter(c -> c.collection().equals(POINTER))).hasSizeLessThanOrEqualTo(1);
        return commands.stream().filter(c -> !c.collection().equals(POINTER)).toList();
    }

    /** {@code sessions} session events and as many check-ins of one person, as a polled batch holds them. */
    private static List<IncomingActivity> batchOf(String user, int sessions) {
        List<IncomingActivity> records = new ArrayList<>();
        Instant start = Instant.parse("2024-06-01T07:00:00Z");
        for (int i = 0; i < sessions; i++) {
            String at = start.plusSeconds(86_400L * i).toString();
            records.add(record(user, records.size(), session(user, "s-" + i, at, "UTC").minutes(20).json("e-s-" + user + i)));
            records.add(record(user, records.size(), checkInEvent("e-c-" + user + i, checkIn(user, "c-" + i, 3, at, "UTC"))));
        }
        return records;
    }

    private static IncomingActivity record(String user, long offset, String value) {
        return new IncomingActivity(Topics.ACTIVITY, 0, offset, user.getBytes(UTF_8), value.getBytes(UTF_8),
                new RecordHeaders());
    }
}
