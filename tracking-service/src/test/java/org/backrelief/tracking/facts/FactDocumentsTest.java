package org.backrelief.tracking.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class FactDocumentsTest {

    @Test
    void rankIsTheZeroPaddedMillisThenTheEventId() {
        for (String at : new String[] { "2000-01-01T00:00:00Z", "2024-03-01T07:00:00.123Z", "2099-12-31T23:59:59.999Z",
                "1970-01-01T00:00:00.001Z" }) {
            Instant instant = Instant.parse(at);
            assertEquals(String.format("%016d|%s", instant.toEpochMilli(), "evt-1"), FactDocuments.rank(instant, "evt-1"));
        }
    }

    @Test
    void ranksSortByTimeThenEventId() {
        Instant early = Instant.parse("2001-09-09T01:46:39.999Z"); // 12 digits of millis
        Instant late = Instant.parse("2001-09-09T01:46:40Z"); // 13 digits
        assertTrue(FactDocuments.rank(early, "z").compareTo(FactDocuments.rank(late, "a")) < 0);
        assertTrue(FactDocuments.rank(late, "a").compareTo(FactDocuments.rank(late, "b")) < 0);
    }
}
