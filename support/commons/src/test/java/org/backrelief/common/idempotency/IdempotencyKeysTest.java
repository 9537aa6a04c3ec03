package org.backrelief.common.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.backrelief.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {

    @Test
    void anAbsentHeaderMeansNoKeyAndAUuidIsAValidKey() {
        assertEquals(Optional.empty(), IdempotencyKeys.validate(null));
        assertEquals(Optional.of("9b2f6a52-1c0e-4a57-8f2e-0d7f1f8a2c11"),
                IdempotencyKeys.validate("9b2f6a52-1c0e-4a57-8f2e-0d7f1f8a2c11"));
    }

    @Test
    void emptyTooLongOrNonAsciiKeysAre400sNamingTheHeader() {
        for (String bad : new String[] { "", "x".repeat(IdempotencyKeys.MAX_LENGTH + 1), "a b", "clé" }) {
            ProblemException e = assertThrows(ProblemException.class, () -> IdempotencyKeys.validate(bad));
            assertEquals(400, e.status());
            assertEquals(IdempotencyKeys.HEADER, e.violations().get(0).field());
        }
        assertTrue(IdempotencyKeys.validate("x".repeat(IdempotencyKeys.MAX_LENGTH)).isPresent());
    }

    @Test
    void derivedIdsAreStablePerUserPurposeAndKey() {
        String id = IdempotencyKeys.derivedId("plan", "alice", "k1");
        assertEquals(id, IdempotencyKeys.derivedId("plan", "alice", "k1"));
        assertNotEquals(id, IdempotencyKeys.derivedId("plan", "bob", "k1"));
        assertNotEquals(id, IdempotencyKeys.derivedId("checkin", "alice", "k1"));
        assertNotEquals(id, IdempotencyKeys.derivedId("plan", "alice", "k2"));
    }
}
