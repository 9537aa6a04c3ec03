package org.backrelief.common.idempotency;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.backrelief.common.problem.Problems;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Makes a POST safe to retry with an {@code Idempotency-Key} header: the same key with the same body (same user, same
 * route) gets the original answer (status, body, Location, ETag) without running the request again; the same key with
 * another body gets 409; while the first request with a key is still being served, another gets 409 with
 * Retry-After. Only successful answers (2xx) are kept: a request that failed releases its key, so a retry runs again.
 * Without the header the request simply runs.
 * <p>
 * A resource passes the parsed body and the work to do; the work receives the key (or null) so that what it creates
 * can take an id derived from it ({@link IdempotencyKeys#derivedId}) and stay single even if the process dies between
 * the write and storing the answer.
 */
public class Idempotency {

    /** Header on a replayed answer. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Logger LOG = Logger.getLogger(Idempotency.class);

    private final IdempotencyStore store;
    private final ObjectMapper canonical;
    private final ObjectMapper mapper;

    public Idempotency(IdempotencyStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
        this.canonical = mapper.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /**
     * @param header the raw {@code Idempotency-Key} header (null when absent)
     * @param userId who asks: keys of different users never meet
     * @param route  the operation, e.g. {@code POST /api/v1/me/plans}
     * @param body   the parsed request body (null when there is none); its canonical JSON is the fingerprint
     * @param work   the request itself, given the key (null without one)
     */
    public Response run(String header, String userId, String route, Object body, Function<String, Response> work) {
        Optional<String> key = IdempotencyKeys.validate(header);
        if (key.isEmpty()) {
            return work.apply(null);
        }
        String id = IdempotencyKeys.sha256(userId + '\n' + route + '\n' + key.get());
        String fingerprint = fingerprint(body);
        IdempotencyStore.Claim claim = store.claim(id, userId, route, fingerprint);
        if (claim instanceof IdempotencyStore.Replay replay) {
            return replay(replay);
        }
        if (claim instanceof IdempotencyStore.Mismatch) {
            return Problems.response(409, "idempotency-key-reused", "Idempotency-Key reused",
                    IdempotencyKeys.HEADER + " was already used for a different request body; use a new key for a"
                            + " new request", route, List.of());
        }
        if (claim instanceof IdempotencyStore.InFlight inFlight) {
            return Response.fromResponse(Problems.response(409, "idempotency-key-in-use", "Request in progress",
                    "A request with this " + IdempotencyKeys.HEADER + " is still being served; retry shortly",
                    route, List.of())).header("Retry-After", String.valueOf(inFlight.retryAfter().toSeconds()))
                    .build();
        }
        Response answer;
        try {
            answer = work.apply(key.get());
        } catch (RuntimeException | Error e) {
            releaseQuietly(id);
            throw e;
        }
        if (answer.getStatus() < 200 || answer.getStatus() >= 300) {
            releaseQuietly(id);
            return answer;
        }
        URI location = answer.getLocation();
        Object etag = answer.getMetadata().getFirst(HttpHeaders.ETAG);
        MediaType type = answer.getMediaType();
        store.complete(id, answer.getStatus(), serialize(answer.getEntity()),
                type == null ? MediaType.APPLICATION_JSON : type.toString(),
                location == null ? null : location.toString(), etag == null ? null : etag.toString());
        return answer;
    }

    private Response replay(IdempotencyStore.Replay replay) {
        Response.ResponseBuilder builder = Response.status(replay.status()).header(REPLAYED_HEADER, "true");
        if (replay.body() != null) {
            builder.entity(replay.body()).type(replay.contentType());
        }
        if (replay.location() != null) {
            builder.location(URI.create(replay.location()));
        }
        if (replay.etag() != null) {
            builder.header(HttpHeaders.ETAG, replay.etag());
        }
        return builder.build();
    }

    private String fingerprint(Object body) {
        try {
            return IdempotencyKeys.sha256(body == null ? new byte[0] : canonical.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Request body cannot be fingerprinted", e);
        }
    }

    private String serialize(Object entity) {
        if (entity == null) {
            return null;
        }
        if (entity instanceof String text) {
            return text;
        }
        try {
            return mapper.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Answer cannot be stored for replay", e);
        }
    }

    private void releaseQuietly(String id) {
        try {
            store.release(id);
        } catch (RuntimeException e) {
            // the claim lapses after its lease: a retry then takes it over
            LOG.warnf("Could not release an idempotency key after a failed request: %s", e.toString());
        }
    }
}
