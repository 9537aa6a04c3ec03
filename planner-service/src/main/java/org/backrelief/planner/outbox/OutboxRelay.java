package org.backrelief.planner.outbox;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.jboss.logging.Logger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

import io.quarkus.arc.All;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The transactional-outbox relay. Every document that reports an event carries its {@link OutboxEntry} (completions
 * and check-ins today: every {@link OutboxSource} bean), stored {@code PENDING} by the same insert; this relay sends
 * them to {@code backrelief.activity} (key = user id, value = CloudEvent JSON) and marks them published only after
 * the broker acknowledged them (acks=all, idempotent producer). It runs right after each write (low latency: calls
 * that come while a run is queued share it, so under load one run sends a whole batch in one round trip and marks it
 * with one update) and on a fixed sweep, so anything left over while Kafka was down goes out once it is back. One
 * thread, oldest first: a person's events keep their order. Delivery is at least once (a crash between ack and mark
 * re-sends); consumers de-duplicate by the CloudEvent id.
 * <p>
 * The sweep is {@code @Scheduled}; a trigger runs on the worker pool; a lock keeps runs one at a time (the order and
 * the "mark only what was acknowledged" rule need it). It keeps a plain {@link KafkaProducer} rather than a
 * {@code MutinyEmitter} on purpose: it must know per record, within {@code send-timeout}, whether the broker
 * acknowledged it (to mark exactly those in one update), must retry the same records across a broker outage of any
 * length by recreating the producer, and must not turn the service unhealthy while Kafka is away; an emitter channel
 * nacks and reports itself unhealthy instead, and hides the producer it would have to recreate.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final List<OutboxSource> sources;
    private final EventFactory events;
    private final Clock clock;
    /** The {@code kafka.*} settings the messaging channels use too: bootstrap servers and, in Kubernetes, TLS + SCRAM. */
    private final Map<String, Object> kafkaConfig;
    private final String topic;
    private final Duration sendTimeout;
    private final int batchSize;
    private final AtomicBoolean queued = new AtomicBoolean();
    /** One run at a time; guards the producer too. */
    private final ReentrantLock running = new ReentrantLock();
    private KafkaProducer<String, String> producer;
    private boolean failing;

    public OutboxRelay(@All List<OutboxSource> sources, EventFactory events, Clock clock,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, OutboxConfig config) {
        this.sources = List.copyOf(sources);
        this.events = events;
        this.clock = clock;
        this.kafkaConfig = Map.copyOf(kafkaConfig);
        this.topic = config.topic();
        this.sendTimeout = config.sendTimeout();
        this.batchSize = config.batchSize();
    }

    void onStart(@Observes StartupEvent event) {
        // connect and learn the topic's partitions now, so the first completion does not pay for it
        Infrastructure.getDefaultWorkerPool().execute(() -> exclusively(this::warmUp));
    }

    /** For anything a trigger did not send (Kafka was down, or the process stopped before the run). */
    @Scheduled(identity = "outbox-sweep", every = "${backrelief.outbox.sweep-interval}",
            delayed = "${backrelief.outbox.sweep-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        exclusively(this::relay);
    }

    @PreDestroy
    void stop() {
        try {
            if (running.tryLock(2, TimeUnit.SECONDS)) {
                try {
                    closeProducer(Duration.ofSeconds(2));
                } finally {
                    running.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void exclusively(Runnable run) {
        running.lock();
        try {
            run.run();
        } finally {
            running.unlock();
        }
    }

    private void closeProducer(Duration timeout) {
        if (producer != null) {
            try {
                producer.close(timeout);
            } catch (RuntimeException e) {
                LOG.debugf("Closing the outbox producer: %s", e.toString());
            }
            producer = null;
        }
    }

    private void warmUp() {
        try {
            producer().partitionsFor(topic);
        } catch (RuntimeException e) {
            LOG.debugf("Kafka not reachable yet; the relay connects on its first send: %s", e.toString());
            closeProducer(Duration.ZERO);
        }
    }

    /** Publish what is pending now; calls while a run is queued collapse into it. */
    public void trigger() {
        if (queued.compareAndSet(false, true)) {
            Infrastructure.getDefaultWorkerPool().execute(() -> {
                queued.set(false);
                exclusively(this::relay);
            });
        }
    }

    /** One outbox entry to send, with the collection that marks it. */
    private record Pending(Instant createdAt, String id, MongoCollection<?> collection, String key, String value) {
    }

    /**
     * One run: every pending record, oldest first. All are handed to the producer at once (the idempotent producer
     * keeps their order per partition and batches them), then the acknowledged ones are marked published with one
     * update per collection. A failure stops the run; what was not acknowledged waits for the next run.
     */
    void relay() {
        try {
            int sent;
            do {
                sent = relayBatch();
            } while (sent >= batchSize); // a full batch: there may be more waiting
        } catch (RuntimeException e) {
            // the database may be down: try again on the next sweep
            LOG.debugf("Outbox relay run failed: %s", e.toString());
        } catch (Error e) {
            LOG.error("Outbox relay run failed", e);
        }
    }

    /** Sends one batch; returns how many records were sent and marked, or -1 after a failure. */
    private int relayBatch() {
        List<Pending> pending = pending();
        if (pending.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(pending.size());
        Exception failure = null;
        try {
            KafkaProducer<String, String> kafka = producer();
            for (Pending record : pending) {
                acks.add(kafka.send(new ProducerRecord<>(topic, record.key(), record.value())));
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        Map<MongoCollection<?>, List<String>> acked = new LinkedHashMap<>();
        Map<MongoCollection<?>, List<String>> failed = new LinkedHashMap<>();
        for (int i = 0; i < pending.size(); i++) {
            Pending record = pending.get(i);
            boolean ok = false;
            if (i < acks.size()) {
                try {
                    acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    ok = true;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = failure == null ? e : failure;
                } catch (ExecutionException | TimeoutException e) {
                    failure = failure == null ? e : failure;
                }
            }
            (ok ? acked : failed).computeIfAbsent(record.collection(), c -> new ArrayList<>()).add(record.id());
        }
        acked.forEach((collection, ids) -> collection.updateMany(in("_id", ids),
                combine(set(OutboxSource.STATE, OutboxState.PUBLISHED.name()),
                        set(OutboxSource.FIELD + ".publishedAt", now()))));
        if (failure != null) {
            // start over with a fresh producer: whatever state the broker outage left it in is gone
            closeProducer(Duration.ZERO);
            failed.forEach((collection, ids) -> collection.updateMany(in("_id", ids),
                    inc(OutboxSource.FIELD + ".attempts", 1)));
            if (!failing) {
                LOG.warnf("Kafka did not acknowledge %d activity event(s); they wait for the next try: %s",
                        failed.values().stream().mapToInt(List::size).sum(), failure.toString());
            }
            failing = true;
            return -1;
        }
        if (failing) {
            LOG.infof("Kafka is back: outbox drained");
        }
        failing = false;
        return pending.size();
    }

    /** The oldest pending entries of every source, oldest first, at most a batch. */
    private List<Pending> pending() {
        List<Pending> pending = new ArrayList<>();
        for (OutboxSource source : sources) {
            MongoCollection<?> collection = source.outboxCollection();
            Codec<OutboxEntry> codec = collection.getCodecRegistry().get(OutboxEntry.class);
            for (BsonDocument found : collection.withDocumentClass(BsonDocument.class)
                    .find(eq(OutboxSource.STATE, OutboxState.PENDING.name()))
                    .sort(Sorts.ascending("createdAt")).limit(batchSize)
                    .projection(Projections.include("createdAt", OutboxSource.FIELD))) {
                OutboxEntry entry = codec.decode(new BsonDocumentReader(found.getDocument(OutboxSource.FIELD)),
                        DecoderContext.builder().build());
                pending.add(new Pending(Instant.ofEpochMilli(found.getDateTime("createdAt").getValue()),
                        found.getString("_id").getValue(), collection, entry.key, events.event(entry)));
            }
        }
        pending.sort(Comparator.comparing(Pending::createdAt));
        return pending.size() > batchSize ? pending.subList(0, batchSize) : pending;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties config = new Properties();
            kafkaConfig.forEach((key, value) -> {
                if (ProducerConfig.configNames().contains(key)) {
                    config.put(key, value);
                }
            });
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "planner-outbox");
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            // bounded waits: a dead broker costs one sweep a few seconds, never a request thread
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000);
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(2500, sendTimeout.toMillis()));
            config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(config);
        }
        return producer;
    }
}
