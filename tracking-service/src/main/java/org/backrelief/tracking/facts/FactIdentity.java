package org.backrelief.tracking.facts;

import java.time.Instant;

import com.mongodb.ErrorCategory;

/**
 * The rule "is this event a duplicate, and which version of a fact wins", in one place.
 * <ul>
 * <li>A fact's identity is its natural key (user + session id, user + check-in id), stored as {@code _id}; its event
 * id is unique too ({@link FactCollections#ensureIndexes}). An insert that meets either is a duplicate: a redelivery,
 * a batch delivered twice, or a second event about the same session — never an error.</li>
 * <li>Of two different events about the same fact, the one with the lower {@link #rank} wins (earliest time, then
 * lowest event id), whatever order they arrive in, so live and rebuilt data are the same. {@link FactWriter}
 * carries this out.</li>
 * </ul>
 */
public final class FactIdentity {

    private static final int RANK_DIGITS = 16;

    private FactIdentity() {
    }

    /** The natural key: length-prefixed so no user id / session id pair can collide with another. */
    public static String key(String userId, String naturalId) {
        return userId.length() + ":" + userId + "/" + naturalId;
    }

    public static String key(SessionFact s) {
        return key(s.userId(), s.sessionId());
    }

    public static String key(CheckInFact c) {
        return key(c.userId(), c.checkInId());
    }

    /** Sorts like (time, event id); the decoder guarantees times between 2000 and 2100, so 16 digits always fit. */
    public static String rank(Instant at, String eventId) {
        // hand-rolled "%016d|%s": String.format parses its pattern on every call, and this runs once per event
        String millis = Long.toString(at.toEpochMilli());
        StringBuilder rank = new StringBuilder(RANK_DIGITS + 1 + eventId.length());
        for (int pad = RANK_DIGITS - millis.length(); pad > 0; pad--) {
            rank.append('0');
        }
        return rank.append(millis).append('|').append(eventId).toString();
    }

    public static String rank(SessionFact s) {
        return rank(s.completedAt(), s.eventId());
    }

    public static String rank(CheckInFact c) {
        return rank(c.recordedAt(), c.eventId());
    }

    /** Whether a newcomer with {@code rank} replaces the stored version with {@code storedRank}. */
    public static boolean replaces(String rank, String storedRank) {
        return rank.compareTo(storedRank) < 0;
    }

    /** Whether a write error says the fact (or its event) is already stored. */
    public static boolean isDuplicate(int errorCode) {
        return ErrorCategory.fromErrorCode(errorCode) == ErrorCategory.DUPLICATE_KEY;
    }
}
