package org.backrelief.tracking;

import static org.backrelief.testing.Management.management;
import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.backrelief.tracking.support.Activity.newId;
import static org.backrelief.tracking.support.Activity.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.backrelief.common.events.Topics;
import org.backrelief.tracking.ingest.DeadLetterPublisher;
import org.backrelief.tracking.support.Activity;
import org.backrelief.tracking.support.ActivityTopic;
import org.backrelief.tracking.support.Api;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

/** Poison records go to the dead-letter topic with the reason; the good records around them are all stored. */
@QuarkusTest
@Order(4)
class PoisonEventsTest {

    private final String user = "poison-" + newId();
    private int sessions;

    private String good() {
        return session(user, "good-" + sessions++, "2024-06-01T07:00:00Z", "UTC").json(newId());
    }

    /** A valid session event, then broken by {@code change}; the marker makes it findable on the DLQ. */
    private String broken(String marker, Consumer<ObjectNode> change) {
        try {
            ObjectNode event = (ObjectNode) Activity.JSON.readTree(
                    session(user, "bad-" + marker, "2024-06-01T07:00:00Z", "UTC").json("evt-" + marker));
            change.accept(event);
            return Activity.JSON.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("data");
    }

    /** A record value and the reason it must be dead-lettered with. */
    private record Poison(byte[] value, String reason) {

        Poison(String value, String reason) {
            this(value.getBytes(UTF_8), reason);
        }
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheGoodEventsAroundItAreStored() {
        String marker = newId();
        List<Poison> poison = new ArrayList<>();
        poison.add(new Poison("this is not JSON " + marker, "not-json"));
        // not even UTF-8: the dead letter must still carry exactly these bytes
        byte[] notUtf8 = ("{\"id\": \"?\", \"note\": \"" + marker + "\"}").getBytes(UTF_8);
        notUtf8[8] = (byte) 0xFF; // the '?'
        poison.add(new Poison(notUtf8, "not-a-cloudevent"));
        poison.add(new Poison("{\"note\": \"" + marker + "\"}", "not-a-cloudevent"));
        poison.add(new Poison(broken(marker + "-type", e -> e.put("type", "org.example.unknown.v1")), "unknown-type"));
        poison.add(new Poison(broken(marker + "-version", e -> data(e).put("schemaVersion", 2)),
                "unsupported-schema-version"));
        poison.add(new Poison(broken(marker + "-pain", e -> data(e).put("painAfter", 11)), "invalid-data"));
        poison.add(new Poison(broken(marker + "-duration", e -> data(e).put("durationSeconds", -60)), "invalid-data"));
        poison.add(new Poison(broken(marker + "-id", e -> data(e).remove("sessionId")), "invalid-data"));
        poison.add(new Poison(broken(marker + "-zone", e -> data(e).put("zoneId", "Atlantis/Central")), "invalid-data"));
        double invalidBefore = deadLettered("invalid-data");

        List<byte[]> values = new ArrayList<>();
        values.add(good().getBytes(UTF_8));
        for (Poison bad : poison) {
            values.add(bad.value());
            values.add(good().getBytes(UTF_8));
        }
        ActivityTopic.publishBytes(user, values);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Api.historyTotal(user) == sessions);

        List<ConsumerRecord<String, byte[]>> letters = ActivityTopic.deadLetters(
                record -> record.value() != null && new String(record.value(), UTF_8).contains(marker), poison.size(),
                Duration.ofSeconds(30));
        assertEquals(poison.size(), letters.size());
        for (ConsumerRecord<String, byte[]> letter : letters) {
            String text = new String(letter.value(), UTF_8);
            Poison sent = poison.stream().filter(p -> Arrays.equals(p.value(), letter.value())).findFirst()
                    .orElseThrow(() -> new AssertionError("not the exact bytes sent: " + text));
            assertEquals(sent.reason(), header(letter, DeadLetterPublisher.REASON), text);
            assertEquals(Topics.ACTIVITY, header(letter, DeadLetterPublisher.TOPIC));
            assertNotNull(header(letter, DeadLetterPublisher.CAUSE));
            assertTrue(Long.parseLong(header(letter, DeadLetterPublisher.OFFSET)) >= 0);
            Integer.parseInt(header(letter, DeadLetterPublisher.PARTITION));
            assertEquals(user, letter.key(), "the original key is kept");
        }
        assertTrue(deadLettered("invalid-data") >= invalidBefore + 4, "the metric counts them");
        assertEquals(sessions, Api.stats(user).getInt("totals.sessions"));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }

    /** The dead-letter counter for one reason, from the Prometheus endpoint. */
    private static double deadLettered(String reason) {
        String metrics = management().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("tracking_events_dead_lettered_total\\{[^}]*reason=\"" + Pattern.quote(reason)
                + "\"[^}]*\\} ([0-9.E+]+)").matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
