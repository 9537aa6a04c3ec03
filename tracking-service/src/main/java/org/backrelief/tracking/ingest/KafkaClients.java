package org.backrelief.tracking.ingest;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import io.smallrye.common.annotation.Identifier;

/**
 * Configuration for the tracker's own plain Kafka clients (dead-letter producer, rebuild consumer): the same
 * {@code kafka.*} settings as the messaging channels (bootstrap servers, security), filtered to what each client knows.
 */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> shared;

    @Inject
    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> shared) {
        this.shared = shared;
    }

    public Map<String, Object> producer(Map<String, Object> overrides) {
        return merge(ProducerConfig.configNames(), overrides);
    }

    public Map<String, Object> consumer(Map<String, Object> overrides) {
        return merge(ConsumerConfig.configNames(), overrides);
    }

    private Map<String, Object> merge(Set<String> known, Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>();
        shared.forEach((key, value) -> {
            if (known.contains(key)) {
                config.put(key, value);
            }
        });
        config.putAll(overrides);
        return config;
    }
}
