package org.backrelief.gateway.edge;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.backrelief.common.problem.Problem;
import org.backrelief.common.web.RequestIds;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes problem+json on the Vert.x routes the gateway answers itself (the relay, the body limit), in exactly the
 * shape {@code commons}' {@code Problems} gives the REST layer's errors.
 */
@Singleton
public class ProblemWriter {

    private static final Logger LOG = Logger.getLogger(ProblemWriter.class);

    private final ObjectMapper mapper;

    @Inject
    public ProblemWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Ends the response with a problem; {@code requestId} null means the client's id is accepted or one is created.
     * Headers already set on the response (e.g. Retry-After, WWW-Authenticate) are kept.
     */
    public void send(RoutingContext context, int status, String slug, String title, String detail, String requestId) {
        String id = requestId != null ? requestId : RequestIds.acceptOrCreate(context.request().getHeader(RequestIds.HEADER));
        Problem problem = new Problem(Problem.type(slug), title, status, detail, context.request().path(), id, List.of());
        HttpServerResponse response = context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(RequestIds.HEADER, id);
        try {
            response.end(Buffer.buffer(mapper.writeValueAsBytes(problem)));
        } catch (JsonProcessingException e) {
            LOG.error("Cannot write a problem", e);
            response.end();
        }
    }
}
