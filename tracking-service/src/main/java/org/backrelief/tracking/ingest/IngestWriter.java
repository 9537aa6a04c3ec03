package org.backrelief.tracking.ingest;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * The second stage of ingestion: one thread that stores decoded batches in arrival order and acknowledges each only
 * once it is durable. While it writes batch N, the consumer thread decodes batch N+1; the queue holds at most one
 * batch, so a slow or unavailable database holds the consumer back (and Kafka keeps the rest).
 * <p>
 * A thread of its own rather than {@code @Scheduled} or the {@code ManagedExecutor}: this loop lives as long as the
 * application and must never run twice at once; on the shared pool it would hold a worker for good under a name
 * that says nothing in a profile or thread dump.
 */
@ApplicationScoped
public class IngestWriter {

    private static final Logger LOG = Logger.getLogger(IngestWriter.class);
    private static final int PENDING_BATCHES = 1;

    private final IngestPipeline pipeline;
    private final IngestState state;
    private final BlockingQueue<Job> queue = new ArrayBlockingQueue<>(PENDING_BATCHES);
    private Thread thread;

    /** A decoded batch and how to acknowledge it. */
    record Job(DecodedBatch batch, Supplier<?> acknowledge) {
    }

    public IngestWriter(IngestPipeline pipeline, IngestState state) {
        this.pipeline = pipeline;
        this.state = state;
    }

    void start(@Observes StartupEvent event) {
        thread = new Thread(this::run, "tracking-ingest-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Blocks while the writer is still a batch behind. */
    public void submit(DecodedBatch batch, Supplier<?> acknowledge) throws InterruptedException {
        while (!queue.offer(new Job(batch, acknowledge), 1, TimeUnit.SECONDS)) {
            if (state.stopping()) {
                throw new Retry.StoppedException("waiting for the writer");
            }
        }
    }

    private void run() {
        while (!state.stopping()) {
            Job job;
            try {
                job = queue.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (job == null) {
                continue;
            }
            try {
                pipeline.store(job.batch());
                job.acknowledge().get();
            } catch (Retry.StoppedException e) {
                LOG.info("Stopping: the batch in progress stays uncommitted and is redelivered after the restart");
                return;
            } catch (Throwable e) {
                // not reachable through retryable failures (those are retried); never acknowledge what failed
                LOG.error("Ingestion stopped on an unexpected failure; nothing after this batch is committed", e);
                state.failing("writer", e);
                return;
            }
        }
    }

    @PreDestroy
    void stop() {
        if (thread != null) {
            thread.interrupt();
        }
    }
}
