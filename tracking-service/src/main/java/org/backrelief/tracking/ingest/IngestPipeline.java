package org.backrelief.tracking.ingest;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.backrelief.tracking.config.TrackingConfig;
import org.backrelief.tracking.facts.FactCollections;
import org.backrelief.tracking.facts.FactWriter;
import org.backrelief.tracking.facts.Generations;

import io.micrometer.core.instrument.Timer;

/**
 * Turns a polled batch into facts and rejects ({@link #decode}), then makes it durable ({@link #store}): facts
 * stored in every generation live writes must reach, rejects on the dead-letter topic. {@link #store} returns only
 * when both are done; until then it retries, so the caller may acknowledge the batch (commit its offsets) right after.
 */
@ApplicationScoped
public class IngestPipeline {

    private final ActivityDecoder decoder;
    private final Generations generations;
    private final FactCollections collections;
    private final FactWriter writer;
    private final DeadLetterPublisher deadLetters;
    private final IngestState state;
    private final IngestMetrics metrics;
    private final Retry retry;
    private final Retry.Listener listener;

    public IngestPipeline(ActivityDecoder decoder, Generations generations, FactCollections collections,
            FactWriter writer, DeadLetterPublisher deadLetters, IngestState state, IngestMetrics metrics,
            TrackingConfig config) {
        this.decoder = decoder;
        this.generations = generations;
        this.collections = collections;
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.state = state;
        this.metrics = metrics;
        this.retry = new Retry(config.ingest().initialBackoff(), config.ingest().maxBackoff(), state::stopping);
        this.listener = new Retry.Listener() {
            @Override
            public void failed(String step, Throwable failure) {
                state.failing(step, failure);
                metrics.retry(step);
            }

            @Override
            public void recovered() {
                state.recovered();
            }
        };
    }

    public DecodedBatch decode(List<IncomingActivity> records) {
        return DecodedBatch.of(records, decoder);
    }

    public void store(DecodedBatch batch) {
        Timer.Sample sample = Timer.start();
        List<DeadLetter> letters = new ArrayList<>(batch.rejected());
        if (batch.hasFacts()) {
            letters.addAll(retry.untilSuccess("store", () -> storeOnce(batch), listener));
        }
        if (!letters.isEmpty()) {
            retry.untilSuccess("dead-letter", () -> {
                deadLetters.publish(letters);
                return null;
            }, listener);
            letters.forEach(letter -> metrics.deadLettered(letter.reason()));
        }
        state.batchDone();
        sample.stop(metrics.batches());
    }

    /** One attempt; returns the dead letters for facts the live generation refused for good. */
    private List<DeadLetter> storeOnce(DecodedBatch batch) {
        List<Long> targets = generations.writeTargets();
        FactWriter.Outcome liveSessions = null;
        FactWriter.Outcome liveCheckIns = null;
        for (long generation : targets) {
            collections.ensureIndexes(generation);
            FactWriter.Outcome sessions = writer.writeSessions(generation, batch.sessions());
            FactWriter.Outcome checkIns = writer.writeCheckIns(generation, batch.checkIns());
            if (liveSessions == null) {
                liveSessions = sessions;
                liveCheckIns = checkIns;
            }
        }
        metrics.stored(liveSessions.stored(), liveCheckIns.stored());
        metrics.duplicates(liveSessions.duplicates() + liveCheckIns.duplicates());
        return batch.refusedByStore(liveSessions.rejected(), liveCheckIns.rejected());
    }
}
