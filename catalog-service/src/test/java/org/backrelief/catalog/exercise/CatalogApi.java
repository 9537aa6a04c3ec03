package org.backrelief.catalog.exercise;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.backrelief.common.domain.Roles;
import org.backrelief.common.events.Topics;
import org.backrelief.testing.TestInfrastructure;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Test helpers for the catalog API: tokens, request bodies, and reading the change topic. */
public final class CatalogApi {

    public static final String EXERCISES = "/api/v1/exercises";

    private CatalogApi() {
    }

    public static RequestSpecification asEditor() {
        return given().auth().oauth2(TestInfrastructure.get().token("editor-" + UUID.randomUUID(), Roles.EDITOR))
                .contentType(ContentType.JSON);
    }

    public static RequestSpecification asUser() {
        return given().auth().oauth2(TestInfrastructure.get().token("user-" + UUID.randomUUID(), Roles.USER))
                .contentType(ContentType.JSON);
    }

    /** A unique, valid exercise id for one test. */
    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A minimal valid exercise body. */
    public static Map<String, Object> exercise(String id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", "Test drill " + id);
        body.put("summary", "A drill made by a test.");
        body.put("steps", List.of("Sit tall.", "Breathe slowly."));
        body.put("phases", List.of(Map.of("phase", "COOL_DOWN", "guideSection", "Cool Down",
                "dose", Map.of("minutes", Map.of("min", 2, "max", 3)))));
        body.put("targets", List.of("MIND_BREATHING"));
        body.put("equipment", List.of());
        body.put("position", "SEATED");
        body.put("floor", false);
        body.put("impact", "NONE");
        body.put("difficulty", 1);
        body.put("minLevel", "BEGINNER");
        body.put("cautions", List.of("Stop if you feel pain."));
        body.put("consultDoctorFirst", false);
        return body;
    }

    /** Records of the catalog topic keyed {@code key}, waiting until {@code count} arrived or the timeout passed. */
    public static List<ConsumerRecord<String, String>> changeRecords(String key, int count, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "catalog-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.CATALOG_CHANGES));
            while (found.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }
}
