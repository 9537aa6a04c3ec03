package org.backrelief.catalog.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.backrelief.catalog.CatalogConfig;
import org.backrelief.common.events.CloudEvent;
import org.backrelief.common.events.EventTypes;
import org.backrelief.common.events.ExerciseChangedV1;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes {@code org.backrelief.catalog.exercise-changed.v1} CloudEvents (structured mode: the JSON envelope is the
 * record value, the exercise id the key) to {@code backrelief.catalog.changes}.
 * <p>
 * Called after the database write has succeeded. Publishing is best effort: when Kafka is unavailable the write still
 * stands, the failure is logged and counted ({@code catalog_events_failed_total}), and consumers must not rely on
 * seeing every event (the planner also expires its cache).
 */
@ApplicationScoped
public class ExerciseChangePublisher {

    public static final String CHANNEL = "exercise-changes";
    private static final Logger LOG = Logger.getLogger(ExerciseChangePublisher.class);
    /** Events waiting for the broker; a full first load of the catalog fits easily. */
    private static final long BUFFER_SIZE = 1024;

    @Inject
    @Channel(CHANNEL)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER_SIZE)
    Emitter<Record<String, String>> emitter;

    private final ObjectMapper mapper;
    private final String source;
    private final Counter published;
    private final Counter failed;

    @Inject
    public ExerciseChangePublisher(ObjectMapper mapper, CatalogConfig config, MeterRegistry registry) {
        this.mapper = mapper;
        this.source = config.events().source();
        this.published = Counter.builder("catalog.events.published")
                .description("Exercise-changed events acknowledged by Kafka").register(registry);
        this.failed = Counter.builder("catalog.events.failed")
                .description("Exercise-changed events that could not be published").register(registry);
    }

    /**
     * Publishes the changes after {@code delay}, off the caller's thread: for the start-up content load, so the first
     * start neither waits for nor competes with creating the Kafka producer. Consumers order by {@code version}, so an
     * API change published meanwhile is not undone by these older events arriving later.
     */
    public void publishLater(List<PendingChange> changes, Duration delay) {
        if (changes.isEmpty()) {
            return;
        }
        Uni.createFrom().voidItem().onItem().delayIt().by(delay).subscribe().with(
                ignored -> changes.forEach(change -> publish(change.exerciseId(), change.change(), change.version())));
    }

    /** A change whose event is still to be published. */
    public record PendingChange(String exerciseId, ExerciseChangedV1.Change change, long version) {
    }

    /** Publishes the change; never throws. */
    public void publish(String exerciseId, ExerciseChangedV1.Change change, long version) {
        try {
            CloudEvent<ExerciseChangedV1> event = CloudEvent.create(source, EventTypes.EXERCISE_CHANGED_V1, exerciseId,
                    new ExerciseChangedV1(ExerciseChangedV1.SCHEMA_VERSION, exerciseId, change, version));
            String value = mapper.writeValueAsString(event);
            RecordHeaders headers = new RecordHeaders();
            headers.add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            Message<Record<String, String>> message = Message.of(Record.of(exerciseId, value))
                    .addMetadata(OutgoingKafkaRecordMetadata.<String> builder().withHeaders(headers).build())
                    .withAck(() -> {
                        published.increment();
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(failure -> {
                        failed(exerciseId, change, failure);
                        return CompletableFuture.completedFuture(null);
                    });
            emitter.send(message);
        } catch (JsonProcessingException | RuntimeException e) {
            // e.g. the buffer is full while the broker is down: the database change stands
            failed(exerciseId, change, e);
        }
    }

    private void failed(String exerciseId, ExerciseChangedV1.Change change, Throwable failure) {
        failed.increment();
        LOG.warnf("Could not publish %s of exercise %s: %s", change, exerciseId, failure.toString());
    }
}
