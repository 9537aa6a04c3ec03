package org.backrelief.tracking.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

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
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) throws InterruptedException {
        List<IncomingActivity> records = new ArrayList<>(batch.getRecords().size());
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            records.add(IncomingActivity.of(record));
        }
        writer.submit(pipeline.decode(records), batch::ack);
        // processing goes on in the writer; the acknowledgement (and so the commit) comes from there
        return HANDED_OVER;
    }
}
