package org.backrelief.tracking;

import static org.backrelief.testing.Management.management;
import static io.restassured.RestAssured.given;
import static org.backrelief.tracking.support.Activity.newId;
import static org.backrelief.tracking.support.Activity.session;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.backrelief.common.problem.Problem;
import org.backrelief.infra.EmbeddedKafka;
import org.backrelief.infra.EmbeddedMongo;
import org.backrelief.testing.TestInfrastructure;
import org.backrelief.tracking.ingest.IngestReadinessCheck;
import org.backrelief.tracking.support.ActivityTopic;
import org.backrelief.tracking.support.Api;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The neighbours fail mid-stream — a group member dies holding partitions, the broker restarts, MongoDB goes away —
 * and after N events published there are exactly N sessions in the history.
 */
@QuarkusTest
@Order(6)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResilienceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String INGESTION_STATUS = "checks.find { it.name == '" + IngestReadinessCheck.NAME + "' }.status";

    @ConfigProperty(name = "mp.messaging.incoming.activity.group.id")
    String groupId;

    /** {@code count} sessions per user, starting at {@code first}. */
    private static void publish(List<String> users, int first, int count) {
        for (String user : users) {
            List<String> values = new ArrayList<>();
            for (int i = first; i < first + count; i++) {
                values.add(session(user, "s-" + i, Instant.parse("2024-01-01T08:00:00Z").plusSeconds(3_600L * i)
                        .toString(), "UTC").json(newId()));
            }
            ActivityTopic.publish(user, values);
        }
    }

    private static long total(List<String> users) {
        long sum = 0;
        for (String user : users) {
            long one = Api.historyTotal(user);
            if (one < 0) {
                return -1;
            }
            sum += one;
        }
        return sum;
    }

    private static List<String> users(String prefix, int count) {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(prefix + "-" + i + "-" + newId());
        }
        return users;
    }

    /** After the total is reached, one more event per user is the last thing each partition delivers. */
    private static void assertExactly(List<String> users, int perUser) {
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> total(users) == (long) perUser * users.size());
        publish(users, 10_000, 1);
        Awaitility.await().atMost(PATIENCE).until(() -> total(users) == (long) (perUser + 1) * users.size());
        for (String user : users) {
            assertEquals(perUser + 1, Api.historyTotal(user), user);
        }
    }

    @Test
    @Order(1)
    void aGroupMemberDyingWithUncommittedRecordsLosesNothing() {
        List<String> users = users("member", 6);
        publish(users, 0, 20);
        Awaitility.await().atMost(PATIENCE).until(() -> total(users) > 0);
        // a second member takes partitions away from the tracker mid-stream, fetches what is published meanwhile,
        // and dies without committing: the tracker gets the partitions back and must redeliver, not skip
        try (ActivityTopic.CrashingGroupMember member = new ActivityTopic.CrashingGroupMember(groupId)) {
            assertTrue(member.joined(Duration.ofSeconds(30)) > 0, "the rebalance gave it partitions");
            publish(users, 20, 20);
            member.fetchFor(Duration.ofSeconds(1));
        }
        assertExactly(users, 40);
    }

    @Test
    @Order(2)
    void aBrokerOutageMidStreamLosesNothingAndReadinessFollowsIt() {
        Assumptions.assumeTrue(TestInfrastructure.get().embeddedKafka().isPresent(), "needs the embedded broker");
        EmbeddedKafka kafka = TestInfrastructure.get().embeddedKafka().orElseThrow();
        List<String> users = users("broker", 3);
        publish(users, 0, 30);
        Awaitility.await().atMost(PATIENCE).until(() -> total(users) > 0);
        kafka.stop();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    management().get("/q/health/ready").then().log().ifValidationFails().statusCode(503));
        } finally {
            kafka.start();
        }
        publish(users, 30, 30);
        assertExactly(users, 60);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                management().get("/q/health/ready").then().statusCode(200));
    }

    @Test
    @Order(3)
    void aMongoOutageMidStreamLosesNothingAndReadinessFollowsIt() throws InterruptedException {
        Assumptions.assumeTrue(TestInfrastructure.get().embeddedMongo().isPresent(), "needs the embedded Mongo server");
        EmbeddedMongo mongo = TestInfrastructure.get().embeddedMongo().orElseThrow();
        List<String> users = users("mongo", 3);
        publish(users, 0, 30);
        Awaitility.await().atMost(PATIENCE).until(() -> total(users) > 0);
        mongo.stop();
        try {
            publish(users, 30, 30);
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    management().get("/q/health/ready").then().statusCode(503).body(INGESTION_STATUS, equalTo("DOWN")));
            // reads fail politely meanwhile
            Api.asUser(users.get(0)).get("/api/v1/users/{userId}/history", users.get(0)).then()
                    .statusCode(503).contentType(Problem.MEDIA_TYPE).header("Retry-After", notNullValue());
            Thread.sleep(2_000);
        } finally {
            mongo.start();
        }
        assertExactly(users, 60);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                management().get("/q/health/ready").then().statusCode(200).body(INGESTION_STATUS, equalTo("UP")));
    }
}
