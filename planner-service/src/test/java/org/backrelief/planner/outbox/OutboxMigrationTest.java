package org.backrelief.planner.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backrelief.planner.testsupport.Api.newUser;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.backrelief.common.events.EventTypes;
import org.backrelief.planner.checkin.CheckInRepository;
import org.backrelief.planner.testsupport.ActivityTopic;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;

import io.quarkus.test.junit.QuarkusTest;

/** The upgrade to one outbox entry per document, over the real Mongo-protocol server and the real Kafka broker. */
@QuarkusTest
class OutboxMigrationTest {

    private static final int OLD_RECORDS = 24;

    @Inject
    CheckInRepository checkIns;

    @Inject
    OutboxMigration migration;

    @Test
    void olderRecordsAreConvertedOnceAndTheirPendingEventsSentOnceWhenSeveralStartsMigrateAtOnce() throws Exception {
        String uma = newUser("uma");
        Instant at = Instant.parse("2026-12-01T08:00:00Z");
        MongoCollection<Document> raw = checkIns.mongoCollection().withDocumentClass(Document.class);
        List<Document> old = new ArrayList<>();
        Set<String> pendingEvents = new java.util.HashSet<>();
        for (int i = 0; i < OLD_RECORDS; i++) {
            String id = "old-" + i + "-" + uma;
            boolean published = i % 3 == 0;
            Document data = new Document("schemaVersion", 1).append("userId", uma).append("checkInId", id)
                    .append("pain", i % 10).append("recordedAt", at.plusSeconds(i).toString()).append("zoneId", "UTC");
            // as check-ins were stored before issue 17: the outbox state spread over top-level fields
            old.add(new Document("_id", id).append("userId", uma).append("eventId", "event-" + id)
                    .append("createdAt", Date.from(at.plusSeconds(i))).append("data", data)
                    .append("published", published).append("attempts", i % 4).append("adapted", true));
            if (!published) {
                pendingEvents.add("event-" + id);
            }
        }
        raw.insertMany(old);

        // three starts at once: replicas rolling out together, or a restart while the first run is still converting
        int starts = 3;
        ExecutorService pool = Executors.newFixedThreadPool(starts);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < starts; i++) {
            runs.add(pool.submit(() -> {
                go.await();
                return migration.migrate();
            }));
        }
        go.countDown();
        int converted = 0;
        for (Future<Integer> run : runs) {
            converted += run.get();
        }
        pool.shutdown();

        assertThat(converted).as("each older record converted by exactly one of the starts").isEqualTo(OLD_RECORDS);
        assertThat(migration.migrate()).as("a later start finds nothing left").isZero();
        for (Document stored : raw.find(new Document("userId", uma))) {
            assertThat(stored).doesNotContainKeys("eventId", "data", "published", "publishedAt", "attempts");
            Document entry = stored.get(OutboxSource.FIELD, Document.class);
            String id = stored.getString("_id");
            int i = Integer.parseInt(id.split("-")[1]);
            assertThat(entry.getString("eventId")).isEqualTo("event-" + id);
            assertThat(entry.getInteger("attempts")).isEqualTo(i % 4);
            assertThat(entry.get("data", Document.class).getInteger("pain")).isEqualTo(i % 10);
        }

        try (ActivityTopic topic = new ActivityTopic()) {
            topic.await(uma, EventTypes.PAIN_CHECKIN_V1, pendingEvents.size(), Duration.ofSeconds(20));
            // a few relay sweeps later (poll answers every matching event seen so far): only the pending ones, once
            List<ActivityTopic.Event> events = topic.poll(uma, EventTypes.PAIN_CHECKIN_V1, Duration.ofSeconds(2));
            List<String> sent = events.stream().map(e -> e.value().path("id").asText()).toList();
            assertThat(sent).doesNotHaveDuplicates();
            assertThat(Set.copyOf(sent)).isEqualTo(pendingEvents);
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                checkIns.mongoCollection().find(new Document("userId", uma)).into(new ArrayList<>()).stream()
                        .map(c -> c.outbox.state).collect(Collectors.toSet())).containsOnly(OutboxState.PUBLISHED));
    }
}
