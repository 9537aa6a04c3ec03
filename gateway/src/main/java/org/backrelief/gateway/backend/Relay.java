package org.backrelief.gateway.backend;

import java.net.URI;
import java.util.List;

import org.jboss.logging.Logger;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

/**
 * What of a backend's answer reaches the client: the headers a client needs (the relay streams status and body bytes
 * through unchanged, never parsed or re-serialised, {@code relay/RelayExchange}). Backend 4xx problems therefore reach the client unchanged; failures become
 * {@link BackendException}s.
 */
public final class Relay {

    private static final Logger LOG = Logger.getLogger(Relay.class);

    /** Response headers that carry meaning for the client; hop-by-hop and server-internal ones stay behind. */
    static final List<String> PASSED_HEADERS = List.of("Content-Type", "ETag", "Last-Modified", "Cache-Control",
            "Content-Disposition", "WWW-Authenticate", "Retry-After", "Content-Language", "Idempotent-Replayed");

    private Relay() {
    }

    /** The headers of the backend's answer the client gets, Location pointing at the gateway. */
    public static void copyHeaders(Answer backend, MultiMap out) {
        for (String header : PASSED_HEADERS) {
            String value = backend.header(header);
            if (value != null) {
                out.set(header, value);
            }
        }
        String location = backend.header(HttpHeaders.LOCATION.toString());
        if (location != null) {
            out.set(HttpHeaders.LOCATION, publicLocation(location));
        }
    }

    /** A backend's Location names its own host; the client must see the same path on the gateway. */
    static String publicLocation(String location) {
        try {
            URI uri = URI.create(location);
            if (!uri.isAbsolute()) {
                return location;
            }
            return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return location;
        }
    }

    /** What the client is told when a backend could not answer usefully. */
    public static BackendException failure(Backend backend, Throwable failure) {
        if (failure instanceof BackendException known) {
            return known;
        }
        if (failure instanceof BackendServerError error) {
            LOG.warnf("%s answered HTTP %d", backend.serviceName(), error.status());
            return error.status() == 503 ? BackendException.unavailable(backend, error)
                    : BackendException.badGateway(backend, error.status());
        }
        if (failure instanceof GuardRefusal refusal && refusal.reason() != GuardRefusal.Reason.TIMEOUT) {
            // an open circuit refuses every call of an outage: one line per call would flood the log
            LOG.debugf("%s call refused: %s", backend.serviceName(), refusal.reason());
        } else {
            LOG.warnf("%s call failed: %s", backend.serviceName(), describe(failure));
        }
        return BackendException.unavailable(backend, failure);
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? failure.toString() : failure.getClass().getSimpleName() + " <- " + root;
    }
}
