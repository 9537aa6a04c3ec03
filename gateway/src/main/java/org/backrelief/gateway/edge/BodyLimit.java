package org.backrelief.gateway.edge;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A body over {@code quarkus.http.limits.max-body-size} is refused before the REST layer reads it, and like every
 * other error the refusal is problem+json (Quarkus' own check would answer 413 without a body). Chunked bodies have
 * no Content-Length: the relay counts them against the same limit as it reads them ({@code relay/RelayRoutes}).
 */
@ApplicationScoped
public class BodyLimit {

    /** Before Quarkus' own size check (order -2), which answers 413 without a body. */
    static final int BODY_LIMIT_ORDER = -3;

    private final ProblemWriter problems;
    private final long maxBodyBytes;

    @Inject
    public BodyLimit(ProblemWriter problems,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.problems = problems;
        this.maxBodyBytes = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    }

    /** The most a request body may carry, for whoever reads one (the relay counts chunked bodies against it). */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** The 413's detail. */
    public String tooLarge() {
        return "The request body is larger than " + maxBodyBytes + " bytes";
    }

    void install(@Observes Router router) {
        router.route().order(BODY_LIMIT_ORDER).handler(this::rejectOversizedBody);
    }

    void rejectOversizedBody(RoutingContext context) {
        if (!refused(context)) {
            context.next();
        }
    }

    /**
     * Answers 413 (and closes the connection, the body unread) when the declared Content-Length is over the limit; for
     * a route that runs ahead of this check (the relay's, {@code relay/RelayRoutes}).
     *
     * @return whether the request was refused
     */
    public boolean refused(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && parse(length) > maxBodyBytes) {
            // the body is not read: close the connection after answering
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            problems.send(context, 413, "payload-too-large", "Payload too large", tooLarge(), null);
            return true;
        }
        return false;
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
