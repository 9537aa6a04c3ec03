package org.backrelief.tracking.facts;

import static org.backrelief.tracking.support.Activity.session;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.backrelief.infra.EmbeddedMongo;
import org.backrelief.tracking.support.Activity;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** The idempotent, order-independent write path against a Mongo-protocol server. */
class FactWriterTest {

    private static EmbeddedMongo mongo;
    private static MongoClient client;
    private static long generation;
    private FactCollections collections;
    private FactWriter writer;

    @BeforeAll
    static void startMongo() {
        mongo = EmbeddedMongo.inMemory().start();
        client = MongoClients.create(mongo.connectionString());
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        mongo.close();
    }

    @BeforeEach
    void freshGeneration() {
        collections = new FactCollections(client, "fact_writer_test");
        writer = new FactWriter(collections);
        generation++;
        collections.ensureIndexes(generation);
    }

    private static SessionFact fact(String eventId, String sessionId, String completedAt) {
        return SessionFact.of(eventId, session("u", sessionId, completedAt, "UTC").data());
    }

    private Document stored(String sessionId) {
        return collections.sessions(generation).find(new Document(FactDocuments.ID, FactIdentity.key("u", sessionId)))
                .first();
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        List<SessionFact> batch = List.of(fact("e1", "s1", "2024-03-01T07:00:00Z"), fact("e2", "s2", "2024-03-02T07:00:00Z"),
                fact("e3", "s3", "2024-03-03T07:00:00Z"));
        assertEquals(new FactWriter.Outcome(3, 0, 0, java.util.Map.of()), writer.writeSessions(generation, batch));
        assertEquals(new FactWriter.Outcome(0, 3, 0, java.util.Map.of()), writer.writeSessions(generation, batch));
        assertEquals(3, collections.sessions(generation).countDocuments());
    }

    @Test
    void theSameEventTwiceInOneBatchIsStoredOnce() {
        SessionFact once = fact("e1", "s1", "2024-03-01T07:00:00Z");
        FactWriter.Outcome outcome = writer.writeSessions(generation, List.of(once, once));
        assertEquals(1, outcome.stored());
        assertEquals(1, outcome.duplicates());
        assertEquals(1, collections.sessions(generation).countDocuments());
    }

    @Test
    void twoEventsForOneSessionKeepTheEarliestWhateverTheArrivalOrder() {
        SessionFact first = fact("e-first", "s1", "2024-03-01T07:00:00Z");
        SessionFact repeat = fact("e-repeat", "s1", "2024-03-01T07:05:00Z");

        writer.writeSessions(generation, List.of(repeat));
        FactWriter.Outcome outcome = writer.writeSessions(generation, List.of(first));
        assertEquals(1, outcome.replaced());
        assertEquals("e-first", stored("s1").getString(FactDocuments.EVENT_ID));

        freshGeneration();
        writer.writeSessions(generation, List.of(first));
        assertEquals(0, writer.writeSessions(generation, List.of(repeat)).replaced());
        assertEquals("e-first", stored("s1").getString(FactDocuments.EVENT_ID));
        assertEquals(1, collections.sessions(generation).countDocuments());
    }

    @Test
    void aStoredFactReadsBackEqual() {
        SessionFact fact = SessionFact.of("e1", session("u", "s1", "2024-03-31T22:30:00.123Z", "Europe/Berlin")
                .plan("p", 2, 3).perWeek(3).notes("ok")
                .exercise(Activity.done("plank", org.backrelief.common.domain.Phase.STRENGTHENING, 3, null, 30, 120))
                .exercise(Activity.skipped("bird-dog", org.backrelief.common.domain.Phase.STRENGTHENING, "wrist"))
                .data());
        writer.writeSessions(generation, List.of(fact));
        assertEquals(fact, FactDocuments.toSession(stored("s1")));

        CheckInFact checkIn = Activity.checkInFact("u", "c1", 4, "2024-03-02T07:00:00Z", "Asia/Tokyo");
        writer.writeCheckIns(generation, List.of(checkIn));
        assertEquals(checkIn, FactDocuments.toCheckIn(collections.checkIns(generation).find().first()));
    }
}
