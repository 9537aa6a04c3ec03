package org.backrelief.common.idempotency;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

/**
 * The keys a service has seen, in its own MongoDB database (collection {@value #COLLECTION}), so that they survive a
 * restart and are shared by every replica. Only standard MongoDB operations: an insert with a unique {@code _id} to
 * claim a key, conditional updates, and a TTL index that removes records after the retention time (an expired record
 * is also ignored on read, so behaviour does not depend on when the TTL monitor runs).
 */
public class IdempotencyStore {

    public static final String COLLECTION = "idempotency_keys";

    /** What a claim found. */
    public sealed interface Claim permits Claimed, Replay, InFlight, Mismatch {
    }

    /** The key is ours now: run the request, then {@link #complete} or {@link #release}. */
    public record Claimed() implements Claim {
    }

    /** The request was answered before: send this answer again. */
    public record Replay(int status, String body, String contentType, String location, String etag) implements Claim {
    }

    /** Another request with this key is being served right now. */
    public record InFlight(Duration retryAfter) implements Claim {
    }

    /** The key was used for a different request (another body). */
    public record Mismatch() implements Claim {
    }

    private final MongoCollection<Document> keys;
    private final Clock clock;
    private final Duration retention;
    private final Duration lease;

    /**
     * @param retention how long an answer is kept for replay (the TTL)
     * @param lease     how long a claim blocks other requests with the key; after it a retry may take over (the
     *                  first request's process died between claiming and answering)
     */
    public IdempotencyStore(MongoCollection<Document> keys, Clock clock, Duration retention, Duration lease) {
        this.keys = keys.withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
        this.clock = clock;
        this.retention = retention;
        this.lease = lease;
    }

    public void ensureIndexes() {
        keys.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().name("expiresAt_ttl")
                .expireAfter(0L, TimeUnit.SECONDS));
    }

    /**
     * @param id          the record's id (a hash of user, route and key)
     * @param userId      kept for operators and tests only
     * @param route       kept for operators and tests only
     * @param fingerprint a hash of the request body
     */
    public Claim claim(String id, String userId, String route, String fingerprint) {
        Instant now = clock.instant();
        Document claim = new Document("_id", id).append("userId", userId).append("route", route)
                .append("fingerprint", fingerprint).append("state", "IN_FLIGHT")
                .append("createdAt", Date.from(now)).append("lockedUntil", Date.from(now.plus(lease)))
                .append("expiresAt", Date.from(now.plus(retention)));
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                keys.insertOne(claim);
                return new Claimed();
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            Document existing = keys.find(eq("_id", id)).first();
            if (existing == null) {
                continue; // released in between: claim again
            }
            if (existing.getDate("expiresAt").toInstant().isBefore(now)) {
                keys.deleteOne(and(eq("_id", id), eq("expiresAt", existing.getDate("expiresAt"))));
                continue;
            }
            if (!fingerprint.equals(existing.getString("fingerprint"))) {
                return new Mismatch();
            }
            if ("DONE".equals(existing.getString("state"))) {
                return new Replay(existing.getInteger("status"), existing.getString("body"),
                        existing.getString("contentType"), existing.getString("location"), existing.getString("etag"));
            }
            Instant lockedUntil = existing.getDate("lockedUntil").toInstant();
            if (lockedUntil.isAfter(now)) {
                return new InFlight(Duration.ofSeconds(Math.max(1, Math.min(5,
                        Duration.between(now, lockedUntil).toSeconds()))));
            }
            // the first request's claim lapsed (its process died mid-request): take it over, exactly one retry wins
            long taken = keys.updateOne(and(eq("_id", id), eq("state", "IN_FLIGHT"), lt("lockedUntil", Date.from(now))),
                    Updates.set("lockedUntil", Date.from(now.plus(lease)))).getModifiedCount();
            if (taken == 1) {
                return new Claimed();
            }
        }
        return new InFlight(Duration.ofSeconds(1));
    }

    /** Stores the answer of a claimed key for replay. */
    public void complete(String id, int status, String body, String contentType, String location, String etag) {
        keys.updateOne(eq("_id", id), Updates.combine(Updates.set("state", "DONE"), Updates.set("status", status),
                Updates.set("body", body), Updates.set("contentType", contentType), Updates.set("location", location),
                Updates.set("etag", etag), Updates.set("answeredAt", Date.from(clock.instant()))));
    }

    /** Gives a claimed key up (the request failed): a retry runs the request again. */
    public void release(String id) {
        keys.deleteOne(and(eq("_id", id), eq("state", "IN_FLIGHT")));
    }
}
