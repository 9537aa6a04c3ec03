package org.backrelief.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backrelief.gateway.support.Api.as;
import static org.backrelief.gateway.support.Api.asUser;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.backrelief.common.events.EventTypes;
import org.backrelief.common.events.Topics;
import org.backrelief.gateway.contract.AsyncContract;
import org.backrelief.gateway.support.Api;
import org.backrelief.gateway.support.Bodies;
import org.backrelief.gateway.support.Content;
import org.backrelief.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Real events, as the real producers publish them, validate against the event contract {@code api-client/asyncapi.yaml}:
 * a session completion and a pain check-in from planner-service, an exercise change from catalog-service, and a
 * rejected record that tracking-service dead-letters.
 */
@QuarkusTest
class EventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AsyncContract CONTRACT = AsyncContract.load();

    @Test
    void realEventsOfEveryProducerMatchTheEventContract() throws Exception {
        String user = Api.newUser("events");
        String exerciseId = "gw-events-" + UUID.randomUUID().toString().substring(0, 8);
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.ACTIVITY, Topics.ACTIVITY_DLQ, Topics.CATALOG_CHANGES));

            // planner-service: a completion and a check-in
            asUser(user).contentType(ContentType.JSON).body(Bodies.profile()).put("/api/v1/me/profile").then().statusCode(200);
            asUser(user).contentType(ContentType.JSON).body(Bodies.newPlan()).post("/api/v1/me/plans").then().statusCode(201);
            JsonNode session = Bodies.json(asUser(user).get("/api/v1/me/sessions/next").then().statusCode(200)
                    .extract().asString());
            String sessionId = session.path("sessionId").asText();
            asUser(user).contentType(ContentType.JSON).body(Bodies.completion(session))
                    .post("/api/v1/me/sessions/" + sessionId + "/completion").then().statusCode(200);
            asUser(user).contentType(ContentType.JSON).body(Bodies.checkIn(2, sessionId)).post("/api/v1/me/checkins")
                    .then().statusCode(201);
            // catalog-service: an exercise created
            as("events-editor", "editor").contentType(ContentType.JSON).body(Content.newExercise("bird-dog", exerciseId))
                    .post("/api/v1/exercises").then().statusCode(201);
            // tracking-service: a record it must reject goes to the dead-letter topic
            String junk = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"org.backrelief.nothing.v9\"}";
            try (KafkaProducer<String, String> producer = producer()) {
                producer.send(new ProducerRecord<>(Topics.ACTIVITY, user, junk)).get();
            }

            Map<String, ConsumerRecord<String, String>> found = new HashMap<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (found.size() < 4 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    String kind = kind(record, user, exerciseId);
                    if (kind != null) {
                        found.putIfAbsent(kind, record);
                    }
                }
            }
            assertThat(found).as("one event of each kind within 60 s").containsOnlyKeys(
                    EventTypes.SESSION_COMPLETED_V1, EventTypes.PAIN_CHECKIN_V1, EventTypes.EXERCISE_CHANGED_V1, "dlq");

            assertThat(CONTRACT.checkPayload("SessionCompleted", value(found.get(EventTypes.SESSION_COMPLETED_V1)))).isEmpty();
            assertThat(CONTRACT.checkPayload("PainCheckIn", value(found.get(EventTypes.PAIN_CHECKIN_V1)))).isEmpty();
            assertThat(CONTRACT.checkPayload("ExerciseChanged", value(found.get(EventTypes.EXERCISE_CHANGED_V1)))).isEmpty();
            ConsumerRecord<String, String> rejected = found.get("dlq");
            assertThat(CONTRACT.checkHeaders("RejectedActivity", headers(rejected))).isEmpty();
            assertThat(rejected.value()).isEqualTo(junk);
        }
    }

    @Test
    void anUndocumentedFieldInAnEventFailsTheContract() throws Exception {
        ObjectNode example = (ObjectNode) CONTRACT.document().path("components").path("messages")
                .path("SessionCompleted").path("examples").get(0).path("payload").deepCopy();
        assertThat(CONTRACT.checkPayload("SessionCompleted", example)).isEmpty();
        ((ObjectNode) example.path("data")).put("mood", "fine");
        assertThat(CONTRACT.checkPayload("SessionCompleted", example)).anyMatch(e -> e.contains("mood"));
    }

    /** The kind of a record of this test (its type, or "dlq"), or null for other tests' records. */
    private static String kind(ConsumerRecord<String, String> record, String user, String exerciseId) throws Exception {
        if (record.topic().equals(Topics.ACTIVITY_DLQ)) {
            return user.equals(record.key()) ? "dlq" : null;
        }
        JsonNode value = JSON.readTree(record.value());
        String subject = value.path("subject").asText();
        if (!subject.equals(user) && !subject.equals(exerciseId)) {
            return null;
        }
        return value.path("type").asText();
    }

    private static JsonNode value(ConsumerRecord<String, String> record) throws Exception {
        return JSON.readTree(record.value());
    }

    private static JsonNode headers(ConsumerRecord<String, String> record) {
        ObjectNode headers = JSON.createObjectNode();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "gateway-event-contract-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"); // this test's records are told apart by their ids
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(config);
    }

    private static KafkaProducer<String, String> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(config);
    }
}
