package org.backrelief.planner.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.backrelief.common.events.Topics;
import org.backrelief.testing.TestInfrastructure;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads {@code backrelief.activity} from the start with a plain consumer, as tracking-service would. */
public final class ActivityTopic implements AutoCloseable {

    /** A record as published: its key and its parsed CloudEvent value. */
    /** @param timestamp when the producer sent it (epoch millis) */
    public record Event(String key, JsonNode value, long timestamp) {
        public String type() {
            return value.path("type").asText();
        }

        public String subject() {
            return value.path("subject").asText();
        }
    }

    private final KafkaConsumer<String, String> consumer;
    private final List<Event> seen = new ArrayList<>();

    public ActivityTopic() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "planner-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(config);
        consumer.subscribe(List.of(Topics.ACTIVITY));
    }

    /** Polls for {@code duration} and returns every event about {@code userId} of {@code type} seen so far. */
    public List<Event> poll(String userId, String type, Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        do {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                try {
                    seen.add(new Event(record.key(), CatalogContent.MAPPER.readTree(record.value()), record.timestamp()));
                } catch (Exception e) {
                    throw new AssertionError("unreadable activity record: " + record.value(), e);
                }
            }
        } while (System.nanoTime() < end);
        return seen.stream().filter(e -> userId.equals(e.subject()) && type.equals(e.type())).toList();
    }

    /** Polls until at least {@code count} matching events arrived (or the timeout), then returns them. */
    public List<Event> await(String userId, String type, int count, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        List<Event> matching = List.of();
        while (System.nanoTime() < end) {
            matching = poll(userId, type, Duration.ofMillis(300));
            if (matching.size() >= count) {
                return matching;
            }
        }
        return matching;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
