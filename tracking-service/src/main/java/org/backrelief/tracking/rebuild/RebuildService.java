package org.backrelief.tracking.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.backrelief.common.problem.ProblemException;
import org.backrelief.tracking.config.TrackingConfig;
import org.backrelief.tracking.facts.FactCollections;
import org.backrelief.tracking.facts.FactWriter;
import org.backrelief.tracking.facts.GenerationPointer;
import org.backrelief.tracking.facts.Generations;
import org.backrelief.tracking.ingest.ActivityDecoder;
import org.backrelief.tracking.ingest.DecodedBatch;
import org.backrelief.tracking.ingest.IncomingActivity;
import org.backrelief.tracking.ingest.IngestState;
import org.backrelief.tracking.ingest.KafkaClients;
import org.backrelief.tracking.ingest.Retry;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Rebuilds the read model from the topic: replays {@code backrelief.activity} from the beginning into a fresh
 * generation of the fact collections, then swaps it in with one update of the generation pointer.
 * <p>
 * Why nothing is lost while live traffic goes on: the new generation is claimed (and so receives every live write)
 * <em>before</em> the end offsets are read, and the replay reads up to them. A live batch either saw the claim and
 * wrote to both generations, or was polled before the claim, hence lies below the end offsets and is replayed.
 * The writes are idempotent and order-independent, so the rebuilt facts equal the live ones.
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int SAVE_PROGRESS_EVERY = 20;

    private final Generations generations;
    private final FactCollections collections;
    private final FactWriter writer;
    private final ActivityDecoder decoder;
    private final KafkaClients kafka;
    private final RebuildReports reports;
    private final TrackingConfig.Rebuild config;
    private final String topic;
    private final Retry retry;
    private final IngestState ingest;
    /** Quarkus' worker pool: a rebuild is one rare background task, and start() lets only one run at a time. */
    private final ManagedExecutor executor;

    public RebuildService(Generations generations, FactCollections collections, FactWriter writer,
            ActivityDecoder decoder, KafkaClients kafka, RebuildReports reports, IngestState ingest,
            TrackingConfig config, ManagedExecutor executor) {
        this.generations = generations;
        this.collections = collections;
        this.writer = writer;
        this.decoder = decoder;
        this.kafka = kafka;
        this.reports = reports;
        this.config = config.rebuild();
        this.topic = config.ingest().topic();
        this.retry = new Retry(config.ingest().initialBackoff(), config.ingest().maxBackoff(), ingest::stopping);
        this.ingest = ingest;
        this.executor = executor;
    }

    /** Claims a new generation and starts the replay in the background; 409 while another rebuild runs. */
    public synchronized RebuildReport start() {
        Instant now = Instant.now();
        GenerationPointer pointer = generations.read();
        if (pointer.building != null && !isStale(pointer, now)) {
            throw ProblemException.conflict("A rebuild of generation " + pointer.building + " is running");
        }
        long generation = generations.allocate();
        if (collections.existingGenerations().contains(generation)) {
            collections.drop(generation); // left over by a rebuild that died before it could claim
        }
        collections.ensureIndexes(generation);
        if (!generations.claim(generation, now, now.minus(config.staleAfter()))) {
            collections.drop(generation);
            throw ProblemException.conflict("Another rebuild started first");
        }
        // the previous generation was kept for a rollback until now; anything else is a leftover
        long current = generations.read().current;
        for (long existing : collections.existingGenerations()) {
            if (existing != current && existing != generation) {
                collections.drop(existing);
            }
        }
        RebuildReport report = new RebuildReport();
        report.state = RebuildReport.State.RUNNING;
        report.generation = generation;
        report.startedAt = now;
        reports.save(report);
        LOG.infof("Rebuild of generation %d started (live generation: %d)", generation, current);
        RebuildReport snapshot = report.copy();
        executor.runAsync(() -> run(report));
        return snapshot;
    }

    public RebuildReport status() {
        return reports.latest().orElseThrow(() -> ProblemException.notFound("A rebuild"));
    }

    private boolean isStale(GenerationPointer pointer, Instant now) {
        return pointer.buildingSince != null && pointer.buildingSince.isBefore(now.minus(config.staleAfter()));
    }

    private void run(RebuildReport report) {
        long generation = report.generation;
        try {
            replay(report);
            if (!retry.untilSuccess("rebuild swap", () -> generations.swap(generation), QUIET)) {
                throw new IllegalStateException("Generation " + generation + " was taken over by another rebuild");
            }
            report.state = RebuildReport.State.COMPLETED;
            report.finishedAt = Instant.now();
            LOG.infof("Rebuild of generation %d completed: %d records, %d sessions, %d check-ins, %d skipped",
                    generation, report.recordsRead, report.sessions, report.checkIns, report.recordsSkipped);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Rebuild of generation %d failed", generation);
            report.state = RebuildReport.State.FAILED;
            report.finishedAt = Instant.now();
            report.error = e.getMessage();
            try {
                generations.release(generation);
                collections.drop(generation);
            } catch (RuntimeException cleanup) {
                LOG.warnf("Could not clean up generation %d: %s", generation, cleanup.toString());
            }
        }
        try {
            reports.save(report);
        } catch (RuntimeException e) {
            LOG.warnf("Could not save the rebuild report: %s", e.toString());
        }
    }

    /**
     * A plain {@link KafkaConsumer}, not an {@code @Incoming} channel: a replay reads the topic from its first offset up
     * to the end offsets seen when it started, on demand, then stops; a channel is one long-lived consumer group.
     */
    private void replay(RebuildReport report) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(kafka.consumer(Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, "tracking-rebuild-" + report.generation,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords())),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            // assign, not subscribe: no consumer group, no commits, no interference with the live group
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, config.timeout())) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, config.timeout());
            Instant deadline = Instant.now().plus(config.timeout());
            int batches = 0;
            while (!reached(consumer, end)) {
                if (ingest.stopping()) {
                    throw new Retry.StoppedException("rebuild replay");
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("timed out before reaching the end offsets " + end);
                }
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                if (records.isEmpty()) {
                    continue;
                }
                DecodedBatch decoded = DecodedBatch.of(IncomingActivity.allOf(records), decoder);
                retry.untilSuccess("rebuild store", () -> {
                    writer.writeSessions(report.generation, decoded.sessions());
                    writer.writeCheckIns(report.generation, decoded.checkIns());
                    return null;
                }, QUIET);
                report.recordsRead += records.count();
                report.sessions += decoded.sessions().size();
                report.checkIns += decoded.checkIns().size();
                report.recordsSkipped += decoded.rejected().size();
                if (++batches % SAVE_PROGRESS_EVERY == 0) {
                    saveProgress(report);
                }
            }
        }
    }

    /** Progress is informative only: failing to record it must not fail the rebuild. */
    private void saveProgress(RebuildReport report) {
        try {
            reports.save(report.copy());
        } catch (RuntimeException e) {
            LOG.debugf("Could not record the rebuild's progress: %s", e.toString());
        }
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Rebuild retries are logged, but do not mark live ingestion unready. */
    private static final Retry.Listener QUIET = new Retry.Listener() {
        @Override
        public void failed(String step, Throwable failure) {
        }

        @Override
        public void recovered() {
        }
    };
}
