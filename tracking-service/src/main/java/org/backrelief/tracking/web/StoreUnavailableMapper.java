package org.backrelief.tracking.web;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.backrelief.common.problem.Problems;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.mongodb.MongoException;

/** MongoDB unreachable or failing: a 503 the client may retry, never a 500. */
public class StoreUnavailableMapper {

    private static final Logger LOG = Logger.getLogger(StoreUnavailableMapper.class);
    static final String RETRY_AFTER_SECONDS = "2";

    @ServerExceptionMapper
    public Response storeUnavailable(MongoException e, UriInfo uri) {
        LOG.warnf("History store failed: %s", e.toString());
        return Response.fromResponse(Problems.response(503, "unavailable", "Service unavailable",
                "The history store is unavailable; retry shortly", uri.getRequestUri().getRawPath(), List.of()))
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }
}
