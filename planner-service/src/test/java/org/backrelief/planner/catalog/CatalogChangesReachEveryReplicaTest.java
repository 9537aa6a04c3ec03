package org.backrelief.planner.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.inject.Vetoed;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.backrelief.common.events.CloudEvent;
import org.backrelief.common.events.EventTypes;
import org.backrelief.common.events.ExerciseChangedV1;
import org.backrelief.planner.testsupport.CatalogContent;
import org.backrelief.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Two planner replicas (as two pods of the Deployment: same application.properties, their own POD_NAME from the
 * downward API) consume {@code backrelief.catalog.changes} from one real broker, each with the consumer configuration
 * of the {@code catalog-changes} channel, into its own catalog cache. Each replica's cache is its own, so every replica
 * must see every change: with one shared consumer group only the replica owning the event's partition would.
 */
class CatalogChangesReachEveryReplicaTest {

    private static final String CHANNEL = "mp.messaging.incoming.catalog-changes.";

    @Test
    void anExerciseChangeReachesTheCatalogCacheOfBothPlannerReplicas() throws Exception {
        String bootstrap = TestInfrastructure.get().kafkaBootstrapServers();
        try (Replica a = new Replica("planner-service-6d8f9c7b5-a1b2c", bootstrap);
                Replica b = new Replica("planner-service-6d8f9c7b5-x9y8z", bootstrap)) {
            createTopicIfAbsent(bootstrap, a.topic);
            a.start();
            b.start();
            // both replicas are running and own partitions; then a quiet period so that no rebalance is under way
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> a.assigned.get() > 0 && b.assigned.get() > 0);
            Awaitility.await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);

            String exerciseId = "broadcast-" + UUID.randomUUID();
            publish(bootstrap, a.topic, exerciseId, 7L);

            CatalogChange expected = new CatalogChange(exerciseId, 7L, false);
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                assertThat(a.cache.changes).as("replica %s saw the change", a.pod).contains(expected);
                assertThat(b.cache.changes).as("replica %s saw the change", b.pod).contains(expected);
            });
            assertThat(a.groupId).as("one consumer group per replica").isNotEqualTo(b.groupId);
        }
    }

    /** One planner replica: the channel's consumer configuration for its pod name, feeding its own cache. */
    static final class Replica implements AutoCloseable {

        final String pod;
        final String groupId;
        final String topic;
        final RecordingCache cache = new RecordingCache();
        final AtomicInteger assigned = new AtomicInteger();
        private final KafkaConsumer<String, String> consumer;
        private final CatalogChangesConsumer handler = new CatalogChangesConsumer(CatalogContent.MAPPER, cache);
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread poller;

        Replica(String pod, String bootstrap) throws Exception {
            this.pod = pod;
            SmallRyeConfig config = new SmallRyeConfigBuilder()
                    .addDefaultInterceptors()
                    .withSources(new PropertiesConfigSource(
                            CatalogChangesReachEveryReplicaTest.class.getResource("/application.properties"), 250))
                    // what the Deployment puts into the pod's environment
                    .withSources(new PropertiesConfigSource(
                            Map.of("POD_NAME", pod, "KAFKA_BOOTSTRAP_SERVERS", bootstrap), "pod-env", 300))
                    .build();
            this.groupId = config.getValue(CHANNEL + "group.id", String.class);
            this.topic = config.getValue(CHANNEL + "topic", String.class);
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.getValue("kafka.bootstrap.servers", String.class));
            props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, config.getValue(CHANNEL + "auto.offset.reset", String.class));
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, config.getValue(CHANNEL + "key.deserializer", String.class));
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                    config.getValue(CHANNEL + "value.deserializer", String.class));
            // as the connector does: commit what was processed, so a rebalance does not hand a record to a second member
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, pod);
            this.consumer = new KafkaConsumer<>(props);
            this.poller = new Thread(this::pollLoop, "replica-" + pod);
            this.poller.setDaemon(true);
        }

        void start() {
            consumer.subscribe(List.of(topic));
            poller.start();
        }

        private void pollLoop() {
            try {
                while (running.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        handler.onChange(record.value());
                    }
                    consumer.commitSync();
                    assigned.set(consumer.assignment().size());
                }
            } catch (org.apache.kafka.common.errors.WakeupException e) {
                // closing
            } finally {
                consumer.close(Duration.ofSeconds(5));
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            consumer.wakeup();
            poller.join(10_000);
        }
    }

    /** The cache of one replica: records the change events it is told about (no catalog behind it). Not a bean. */
    @Vetoed
    static final class RecordingCache extends CatalogCache {

        final List<CatalogChange> changes = new CopyOnWriteArrayList<>();

        RecordingCache() {
            super(null, Clock.systemUTC(), Duration.ofMinutes(5), Duration.ofSeconds(10),
                    new CatalogCatchUp.StaleRetry(Duration.ofMillis(500), Duration.ofSeconds(4), 4));
        }

        @Override
        public void changed(CatalogChange change) {
            changes.add(change);
        }

        @Override
        public void reloadSoon() {
            // no catalog behind this cache
        }
    }

    private static void createTopicIfAbsent(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** An exercise-changed event exactly as the catalog sends it (structured CloudEvent, keyed by exercise id). */
    private static void publish(String bootstrap, String topic, String exerciseId, long version) throws Exception {
        CloudEvent<ExerciseChangedV1> event = CloudEvent.of(UUID.randomUUID().toString(), "/backrelief/catalog-service",
                EventTypes.EXERCISE_CHANGED_V1, exerciseId, Instant.now(),
                new ExerciseChangedV1(ExerciseChangedV1.SCHEMA_VERSION, exerciseId, ExerciseChangedV1.Change.UPDATED,
                        version));
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, exerciseId,
                CatalogContent.MAPPER.writeValueAsString(event));
        record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(record).get();
        }
    }
}
