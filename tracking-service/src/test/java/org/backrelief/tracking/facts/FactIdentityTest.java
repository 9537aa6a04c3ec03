package org.backrelief.tracking.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class FactIdentityTest {

    @Test
    void rankIsTheZeroPaddedMillisThenTheEventId() {
        for (String at : new String[] { "2000-01-01T00:00:00Z", "2024-03-01T07:00:00.123Z", "2099-12-31T23:59:59.999Z",
                "1970-01-01T00:00:00.001Z" }) {
            Instant instant = Instant.parse(at);
            assertEquals(String.format("%016d|%s", instant.toEpochMilli(), "evt-1"), FactIdentity.rank(instant, "evt-1"));
        }
    }

    @Test
    void ranksSortByTimeThenEventId() {
        Instant early = Instant.parse("2001-09-09T01:46:39.999Z"); // 12 digits of millis
        Instant late = Instant.parse("2001-09-09T01:46:40Z"); // 13 digits
        assertTrue(FactIdentity.rank(early, "z").compareTo(FactIdentity.rank(late, "a")) < 0);
        assertTrue(FactIdentity.rank(late, "a").compareTo(FactIdentity.rank(late, "b")) < 0);
    }

    @Test
    void anEarlierRankReplacesTheStoredVersionAndAnEqualOneDoesNot() {
        String stored = FactIdentity.rank(Instant.parse("2024-03-01T07:05:00Z"), "e-repeat");
        assertTrue(FactIdentity.replaces(FactIdentity.rank(Instant.parse("2024-03-01T07:00:00Z"), "e-first"), stored));
        assertFalse(FactIdentity.replaces(stored, stored));
    }

    @Test
    void keysOfDifferentUserAndSessionPairsNeverCollide() {
        assertFalse(FactIdentity.key("a/1", "2").equals(FactIdentity.key("a", "1/2")));
    }
}
