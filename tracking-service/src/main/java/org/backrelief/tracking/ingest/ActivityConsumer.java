package org.backrelief.tracking.ingest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;

/**
 * The tracker's consumer of {@code backrelief.activity}: one polled batch at a time, in order. It decodes the batch
 * on a worker thread and hands it to the {@link IngestWriter}, which acknowledges it only once it is durable; the
 * throttled commit strategy commits acknowledged offsets only. So a crash anywhere means redelivery, never loss, and
 * redelivery is harmless because every write is idempotent.
 */
@ApplicationScoped
public class ActivityConsumer {

    public static final String CHANNEL = "activity";
    private static final CompletionStage<Void> HANDED_OVER = CompletableFuture.completedFuture(null);

    private final IngestPipeline pipeline;
    private final IngestWriter writer;

    public ActivityConsumer(IngestPipeline pipeline, IngestWriter writer) {
        this.pipeline = pipeline;
        this.writer = writer;
    }

    @Incoming(CHANNEL)
    @Blocking
    @SuppressWarnings("unchecked")
    public CompletionStage<Void> consume(KafkaRecordBatch<byte[], byte[]> batch) throws InterruptedException {
        // the polled records themselves: no per-record metadata lookup
        ConsumerRecords<byte[], byte[]> polled = batch.getMetadata(IncomingKafkaRecordBatchMetadata.class)
                .orElseThrow(() -> new IllegalArgumentException("not a Kafka batch")).getRecords();
        writer.submit(pipeline.decode(IncomingActivity.allOf(polled)), batch::ack);
        // processing goes on in the writer; the acknowledgement (and so the commit) comes from there
        return HANDED_OVER;
    }
}
