package org.backrelief.tracking.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.backrelief.common.domain.Phase;
import org.backrelief.tracking.support.Activity;
import org.bson.BsonDocument;
import org.bson.BsonDocumentWriter;
import org.bson.BsonType;
import org.bson.codecs.EncoderContext;
import org.junit.jupiter.api.Test;

class FactDocumentsTest {

    private static <T> BsonDocument encode(Class<T> type, T fact) {
        BsonDocument doc = new BsonDocument();
        FactDocuments.CODECS.get(type).encode(new BsonDocumentWriter(doc), fact, EncoderContext.builder().build());
        return doc;
    }

    @Test
    void theStoredShapeHasTheQueriedTypesAndLeavesAbsentFieldsOut() {
        SessionFact bare = SessionFact.of("e1", Activity.session("u", "s1", "2024-03-01T07:00:00.123Z", "UTC")
                .exercise(Activity.skipped("bird-dog", Phase.STRENGTHENING, null)).data());
        BsonDocument doc = encode(SessionFact.class, bare);
        assertEquals(List.of("_id", "eventId", "rank", "userId", "sessionId", "completedAt", "zoneId", "localDate",
                "painBefore", "painAfter", "exertion", "durationSeconds", "exercises"), List.copyOf(doc.keySet()));
        assertEquals(FactIdentity.key("u", "s1"), doc.getString("_id").getValue());
        assertEquals(FactIdentity.rank(bare.completedAt(), "e1"), doc.getString("rank").getValue());
        assertEquals(BsonType.DATE_TIME, doc.get("completedAt").getBsonType());
        assertEquals(bare.completedAt().toEpochMilli(), doc.getDateTime("completedAt").getValue());
        assertEquals("2024-03-01", doc.getString("localDate").getValue());
        assertEquals(BsonType.INT32, doc.get("painBefore").getBsonType());
        assertEquals(List.of("exerciseId", "phase", "status", "durationSeconds"),
                List.copyOf(doc.getArray("exercises").get(0).asDocument().keySet()));

        CheckInFact checkIn = Activity.checkInFact("u", "c1", 4, "2024-03-02T07:00:00Z", "Asia/Tokyo");
        BsonDocument stored = encode(CheckInFact.class, checkIn);
        assertEquals(List.of("_id", "eventId", "rank", "userId", "checkInId", "pain", "recordedAt", "zoneId",
                "localDate"), List.copyOf(stored.keySet()));
        assertEquals(BsonType.DATE_TIME, stored.get("recordedAt").getBsonType());
    }
}
