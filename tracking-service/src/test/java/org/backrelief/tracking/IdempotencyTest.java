package org.backrelief.tracking;

import static org.backrelief.tracking.support.Activity.checkIn;
import static org.backrelief.tracking.support.Activity.checkInEvent;
import static org.backrelief.tracking.support.Activity.done;
import static org.backrelief.tracking.support.Activity.newId;
import static org.backrelief.tracking.support.Activity.session;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.backrelief.common.domain.Phase;
import org.backrelief.tracking.support.ActivityTopic;
import org.backrelief.tracking.support.Api;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** At-least-once delivery, exactly-once effect: redelivered and repeated events change nothing. */
@QuarkusTest
@Order(3)
class IdempotencyTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void theSameEventThreeTimesAndABatchTwiceCountOnce() {
        String user = "idem-" + newId();
        String single = session(user, "single", "2024-05-01T07:00:00Z", "UTC").minutes(30)
                .exercise(done("plank", Phase.STRENGTHENING, 3, null, 40, 120)).json(newId());
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(session(user, "batch-" + i, Instant.parse("2024-05-02T07:00:00Z").plusSeconds(86_400L * i).toString(),
                    "UTC").minutes(20).json(newId()));
        }
        ActivityTopic.publish(user, single, single, single);
        ActivityTopic.publish(user, batch);
        ActivityTopic.publish(user, batch);
        // same key, same partition: once the sentinel is visible, everything before it has been processed
        ActivityTopic.publish(user, session(user, "sentinel-1", "2024-05-20T07:00:00Z", "UTC").minutes(10).json(newId()));
        Awaitility.await().atMost(PATIENCE).until(() -> Api.historyTotal(user) == 7);

        JsonPath stats = Api.stats(user);
        assertEquals(7, stats.getInt("totals.sessions"));
        assertEquals(30 + 5 * 20 + 10, stats.getDouble("totals.totalMinutes"));
        Map<String, Object> totals = stats.getMap("totals");
        Map<String, Object> streaks = stats.getMap("streaks");
        List<Object> exercises = stats.getList("exercises");

        // everything again, then a check-in as the next sentinel (it changes pain figures only)
        ActivityTopic.publish(user, batch);
        ActivityTopic.publish(user, single);
        ActivityTopic.publish(user, checkInEvent(newId(), checkIn(user, "c-1", 2, "2024-05-21T07:00:00Z", "UTC")));
        Awaitility.await().atMost(PATIENCE).until(() -> Api.stats(user).getInt("pain.lifetime.checkIns") == 1);

        JsonPath after = Api.stats(user);
        assertEquals(totals, after.getMap("totals"));
        assertEquals(streaks, after.getMap("streaks"));
        assertEquals(exercises, after.getList("exercises"));
        assertEquals(7, Api.historyTotal(user));
    }

    @Test
    void aSecondEventAboutTheSameSessionDoesNotCountItTwice() {
        String user = "repeat-" + newId();
        // the same completion published twice under different event ids (e.g. a producer that lost its outbox mark)
        ActivityTopic.publish(user,
                session(user, "s1", "2024-05-01T07:00:00Z", "UTC").minutes(30).json(newId()),
                session(user, "s1", "2024-05-01T07:00:00Z", "UTC").minutes(30).json(newId()),
                session(user, "sentinel", "2024-05-02T07:00:00Z", "UTC").json(newId()));
        Awaitility.await().atMost(PATIENCE).until(() -> Api.historyTotal(user) == 2);
        assertEquals(2, Api.stats(user).getInt("totals.sessions"));
    }
}
