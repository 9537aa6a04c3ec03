package org.backrelief.tracking.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.backrelief.common.events.Topics;
import org.backrelief.testing.TestInfrastructure;

/** Publishes to and reads from the real broker with plain Kafka clients, as the planner and an operator would. */
public final class ActivityTopic {

    private static KafkaProducer<String, byte[]> producer;

    private ActivityTopic() {
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.LINGER_MS_CONFIG, 5),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** Sends the records (as UTF-8) in order, keyed by user id, and waits until the broker has all of them. */
    public static void publish(String userId, List<String> values) {
        publishBytes(userId, values.stream().map(value -> value.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toList());
    }

    /** Sends these exact values in order, keyed by user id, and waits until the broker has all of them. */
    public static void publishBytes(String userId, List<byte[]> values) {
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        for (byte[] value : values) {
            sent.add(producer().send(new ProducerRecord<>(Topics.ACTIVITY, userId, value)));
        }
        producer().flush();
        for (java.util.concurrent.Future<?> future : sent) {
            try {
                future.get();
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException("Could not publish to " + Topics.ACTIVITY, e);
            }
        }
    }

    public static void publish(String userId, String... values) {
        publish(userId, List.of(values));
    }

    /** Reads the dead-letter topic from the beginning until {@code expected} records match, or the timeout. */
    public static List<ConsumerRecord<String, byte[]>> deadLetters(Predicate<ConsumerRecord<String, byte[]>> matching,
            int expected, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-dlq-reader-" + Activity.newId(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.ACTIVITY_DLQ));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                    if (matching.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /**
     * A second member of the tracker's consumer group: it takes over some partitions, fetches their records and
     * dies without committing — what a crashed replica looks like to the surviving one.
     */
    public static final class CrashingGroupMember implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private int fetched;

        public CrashingGroupMember(String groupId) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, groupId,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                    new StringDeserializer(), new StringDeserializer());
            consumer.subscribe(List.of(Topics.ACTIVITY));
        }

        /** Polls until the group gave this member partitions; returns how many. */
        public int joined(Duration maxWait) {
            long deadline = System.nanoTime() + maxWait.toNanos();
            while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
                fetched += consumer.poll(Duration.ofMillis(100)).count();
            }
            return consumer.assignment().size();
        }

        /** Keeps fetching (never committing) for a while. */
        public int fetchFor(Duration duration) {
            long deadline = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < deadline) {
                fetched += consumer.poll(Duration.ofMillis(100)).count();
            }
            return fetched;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
