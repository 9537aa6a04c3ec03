package org.backrelief.tracking.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.backrelief.tracking.config.TrackingConfig;

/**
 * Sends rejected records to the dead-letter topic, unchanged (the same key and value bytes, original headers kept)
 * plus the reason and the origin in headers — the header names of SmallRye's own dead-letter strategy.
 * {@link #publish} returns only once the broker has acknowledged every letter, so the batch's offsets may be
 * committed after it.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE = "dead-letter-cause";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";

    private final KafkaClients clients;
    private final String topic;
    private final Duration timeout;
    private KafkaProducer<byte[], byte[]> producer;

    public DeadLetterPublisher(KafkaClients clients, TrackingConfig config) {
        this.clients = clients;
        this.topic = config.ingest().deadLetterTopic();
        this.timeout = config.ingest().deadLetterTimeout();
    }

    public void publish(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        KafkaProducer<byte[], byte[]> client = producer();
        List<Future<RecordMetadata>> sent = new ArrayList<>(letters.size());
        for (DeadLetter letter : letters) {
            sent.add(client.send(record(letter)));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (Future<RecordMetadata> future : sent) {
                future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("The dead-letter topic did not accept a record", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The dead-letter topic did not answer within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending dead letters", e);
        }
    }

    private ProducerRecord<byte[], byte[]> record(DeadLetter letter) {
        IncomingActivity source = letter.source();
        RecordHeaders headers = new RecordHeaders();
        if (source.headers() != null) {
            for (Header header : source.headers()) {
                headers.add(header);
            }
        }
        headers.add(REASON, letter.reason().code().getBytes(UTF_8));
        headers.add(CAUSE, letter.detail().getBytes(UTF_8));
        headers.add(TOPIC, source.topic().getBytes(UTF_8));
        headers.add(PARTITION, Integer.toString(source.partition()).getBytes(UTF_8));
        headers.add(OFFSET, Long.toString(source.offset()).getBytes(UTF_8));
        return new ProducerRecord<>(topic, null, source.key(), source.value(), headers);
    }

    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(clients.producer(Map.of(
                    ProducerConfig.CLIENT_ID_CONFIG, "tracking-dead-letters",
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.LINGER_MS_CONFIG, 5,
                    // fail fast enough for the retry loop to notice (and report) an unavailable broker
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis(),
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                    // delivery timeout must cover linger + one request
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis() / 2, 10_000))),
                    new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
