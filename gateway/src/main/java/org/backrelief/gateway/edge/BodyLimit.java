package org.backrelief.gateway.edge;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.backrelief.common.problem.Problem;
import org.backrelief.common.web.RequestIds;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A body over {@code quarkus.http.limits.max-body-size} is refused before the REST layer reads it, and like every
 * other error the refusal is problem+json (Quarkus' own check would answer 413 without a body). Requests without
 * a Content-Length (chunked) are still cut off by Quarkus' check, with an empty 413.
 */
@ApplicationScoped
public class BodyLimit {

    private static final Logger LOG = Logger.getLogger(BodyLimit.class);
    /** Before Quarkus' own size check (order -2), which answers 413 without a body. */
    static final int BODY_LIMIT_ORDER = -3;

    private final ObjectMapper mapper;
    private final long maxBodyBytes;

    @Inject
    public BodyLimit(ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.mapper = mapper;
        this.maxBodyBytes = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    }

    void install(@Observes Router router) {
        router.route().order(BODY_LIMIT_ORDER).handler(this::rejectOversizedBody);
    }

    void rejectOversizedBody(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && parse(length) > maxBodyBytes) {
            // the body is not read: close the connection after answering
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            send(context, 413, "payload-too-large", "Payload too large",
                    "The request body is larger than " + maxBodyBytes + " bytes");
            return;
        }
        context.next();
    }

    private void send(RoutingContext context, int status, String slug, String title, String detail) {
        String requestId = RequestIds.acceptOrCreate(context.request().getHeader(RequestIds.HEADER));
        Problem problem = new Problem(Problem.type(slug), title, status, detail, context.normalizedPath(), requestId,
                List.of());
        HttpServerResponse response = context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(RequestIds.HEADER, requestId);
        try {
            response.end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            LOG.error("Cannot write a problem", e);
            response.end();
        }
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
