package org.backrelief.common.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.backrelief.common.problem.ProblemException;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/** The {@code Idempotency-Key} request header: its rules, and the ids derived from a key. */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;
    /** What the OpenAPI document says of the header on every POST that stores something. */
    public static final String HEADER_DESCRIPTION = "Makes the POST safe to retry: the same key with the same body"
            + " answers the original response; another body answers 409. 1-255 visible ASCII characters, e.g. a UUID"
            + " per action.";
    /** Visible ASCII only: keys are compared byte for byte and may be logged. A UUID per logical action is ideal. */
    private static final Pattern ALLOWED = Pattern.compile("[\\x21-\\x7E]{1," + MAX_LENGTH + "}");

    private IdempotencyKeys() {
    }

    /**
     * The key of a request: empty when the header is absent; a 400 problem naming the header when it is present but
     * empty, longer than {@value #MAX_LENGTH} characters or not visible ASCII.
     */
    public static Optional<String> validate(String header) {
        if (header == null) {
            // JAX-RS hands an empty header value over as absent: ask the HTTP request itself
            header = rawHeader();
            if (header == null) {
                return Optional.empty();
            }
        }
        if (!ALLOWED.matcher(header).matches()) {
            throw ProblemException.badRequest(HEADER, header.isEmpty() ? "must not be empty"
                    : "must be 1 to " + MAX_LENGTH + " visible ASCII characters (a UUID is a good key)");
        }
        return Optional.of(header);
    }

    private static String rawHeader() {
        InstanceHandle<CurrentVertxRequest> current = Arc.container() == null ? null
                : Arc.container().instance(CurrentVertxRequest.class);
        RoutingContext context = current == null || !current.isAvailable() ? null : current.get().getCurrent();
        return context == null ? null : context.request().getHeader(HEADER);
    }

    /**
     * A stable id for something a keyed request creates (e.g. a plan): the same user, purpose and key always give the
     * same UUID, so a retry after a crash finds or collides with the first write instead of making a second one.
     */
    public static String derivedId(String purpose, String userId, String key) {
        return UUID.nameUUIDFromBytes((purpose + '\n' + userId + '\n' + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
