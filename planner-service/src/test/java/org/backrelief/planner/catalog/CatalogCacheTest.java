package org.backrelief.planner.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backrelief.planner.testsupport.Api.anonymous;
import static org.backrelief.planner.testsupport.Api.profile;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.backrelief.common.events.CloudEvent;
import org.backrelief.common.events.EventTypes;
import org.backrelief.common.events.ExerciseChangedV1;
import org.backrelief.common.events.Topics;
import org.backrelief.planner.testsupport.CatalogContent;
import org.backrelief.planner.testsupport.CatalogStub;
import org.backrelief.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CatalogCacheTest {

    static final String PREVIEW = "/api/v1/routines/preview";

    @Inject
    CatalogCache cache;

    @Test
    void aColdCacheWithTheCatalogDownIsA503NeverAHalfBuiltRoutine() {
        cache.snapshot(); // let the startup load finish first, so it cannot warm the cache behind our back
        CatalogStub.get().down();
        try {
            cache.evict();
            anonymous().body(profile()).post(PREVIEW).then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", endsWith("/unavailable"))
                    .body("detail", containsString("catalog"))
                    .body("routine", nullValue());
        } finally {
            CatalogStub.get().up();
        }
        // the circuit closes again and the next request loads the catalog
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(
                () -> anonymous().body(profile()).post(PREVIEW).then().statusCode(200));
    }

    @Test
    void aCatalogChangeEventRefreshesTheSnapshotAndPoisonIsSkipped() throws Exception {
        cache.snapshot();
        ObjectNode plank = CatalogContent.servedJson().stream().filter(n -> n.get("id").asText().equals("plank"))
                .findFirst().orElseThrow().deepCopy();
        plank.put("name", "Forearm plank");
        plank.put("version", 2L);
        CatalogStub.get().override(plank);

        publish(new ProducerRecord<>(Topics.CATALOG_CHANGES, "plank", "{not json"),
                changeEvent("plank", ExerciseChangedV1.Change.UPDATED, 2L));

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(cache.peek().flatMap(s -> s.exercise("plank")).map(CatalogExercise::name))
                        .contains("Forearm plank"));
        assertThat(cache.peek().orElseThrow().exercise("plank").orElseThrow().version()).isEqualTo(2L);
    }

    @Test
    void aReloadThatReachesALaggingCatalogReplicaIsRetriedUntilItShowsTheEventsVersion() throws Exception {
        cache.snapshot();
        ObjectNode birdDog = CatalogContent.servedJson().stream()
                .filter(n -> n.get("id").asText().equals("bird-dog")).findFirst().orElseThrow().deepCopy();
        birdDog.put("name", "Bird dog, slow and steady");
        birdDog.put("version", 2L);
        // the replica the reloads reach serves the old version twice more: without retries the planner would keep
        // it until the periodic refresh (5 minutes)
        CatalogStub.get().overrideLagging(birdDog, 2);

        publish(changeEvent("bird-dog", ExerciseChangedV1.Change.UPDATED, 2L));

        // debounce 0.2 s + backoff 0.5 s + 1 s (+ the consumer joining its group): far below the periodic refresh
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(cache.peek().flatMap(s -> s.exercise("bird-dog")).map(CatalogExercise::name))
                        .contains("Bird dog, slow and steady"));
        assertThat(cache.peek().orElseThrow().exercise("bird-dog").orElseThrow().version()).isEqualTo(2L);
        assertThat(CatalogStub.get().staleListingsLeft("bird-dog")).as("both stale listings were read").isZero();
    }

    /** An exercise-changed event exactly as the catalog sends it: structured mode, CloudEvents content type header. */
    private static ProducerRecord<String, String> changeEvent(String exerciseId, ExerciseChangedV1.Change change,
            long version) throws Exception {
        CloudEvent<ExerciseChangedV1> event = CloudEvent.of(UUID.randomUUID().toString(), "/backrelief/catalog-service",
                EventTypes.EXERCISE_CHANGED_V1, exerciseId, Instant.now(),
                new ExerciseChangedV1(ExerciseChangedV1.SCHEMA_VERSION, exerciseId, change, version));
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.CATALOG_CHANGES, exerciseId,
                CatalogContent.MAPPER.writeValueAsString(event));
        record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    @SafeVarargs
    private static void publish(ProducerRecord<String, String>... records) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (ProducerRecord<String, String> record : records) {
                producer.send(record).get();
            }
        }
    }
}
