package org.backrelief.gateway.relay;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.backrelief.common.web.RequestIds;
import org.backrelief.gateway.backend.BackendConfig;
import org.backrelief.gateway.edge.BodyLimit;
import org.backrelief.gateway.edge.Caller;
import org.backrelief.gateway.edge.Callers;
import org.backrelief.gateway.edge.ProblemWriter;
import org.backrelief.gateway.edge.RateLimiter;
import org.backrelief.gateway.edge.RateLimits;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Relays every line of the {@link RelayRoute} table on the event loop with one {@link RelayTable} lookup, from two
 * plain Vert.x routes (one ahead of Quarkus' filters, one after them, see below): no REST layer, no per-route code.
 * Per request, in order:
 * <ol>
 * <li>request id accepted or created, logged (MDC), returned; {@code Cache-Control: no-store} on {@code /api/v1/me};</li>
 * <li>415 unless a body route's Content-Type is JSON (the body stays unread until the checks below passed);</li>
 * <li>rate limit (per token subject, else per client IP): 429 with Retry-After;</li>
 * <li>the caller, from the bearer token ({@link Callers}): 401 (with {@code WWW-Authenticate: Bearer}) for a token
 * that fails verification on any route, or for no token where a role is needed; 403 without the role;</li>
 * <li>the backend call under the backend's guard ({@link BackendCalls}), body and answer streamed
 * ({@link RelayExchange}; a chunked body past {@code quarkus.http.limits.max-body-size} is cut off with 413, a
 * declared larger Content-Length was refused before by {@link BodyLimit}), an outage as 503 with Retry-After, a
 * backend failure as 502.</li>
 * </ol>
 * A known path with another method is 405 with {@code Allow}; {@code OPTIONS} (not a CORS preflight) is 204 with
 * {@code Allow}. Every error is problem+json. The security headers ({@code quarkus.http.header}) come from Quarkus'
 * own routes, which run first.
 * <p>
 * <b>Ahead of Quarkus' filters.</b> A request without an {@code Origin} header is relayed from a route placed before
 * Quarkus' CORS filter, its lazy-identity set-up, RESTEasy's failure-handler set-up and the web client's headers:
 * none of them does anything for such a request (CORS acts on {@code Origin} only, the relay tells its caller from the
 * token itself, the web client's headers are for its pages), and passing through them cost 15-25 % of the CPU of a
 * relayed catalog list at saturation (BENCHMARKS.md, "Gateway: the relay ahead of Quarkus' filters, through one
 * route"). A request with an {@code Origin} (a browser's cross-origin call) goes through CORS first and is relayed by
 * the same lookup after it. So {@code quarkus.http.auth.permission} policies do not apply to relayed paths: their
 * access is the table's {@link RelayRoute.Access} column.
 */
@ApplicationScoped
public class RelayRoutes {

    private static final Logger LOG = Logger.getLogger(RelayRoutes.class);
    /** After the security headers (order {@link Integer#MIN_VALUE}), before CORS (-300) and the other filters. */
    static final int AHEAD_OF_FILTERS = -1000;
    /** After the body limit (-3) and the web client's header handler (-1); before the REST layer. */
    static final int ORDER = RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT;

    private final RelayTable table = new RelayTable(RelayRoute.values());
    private final BackendCalls calls;
    private final Callers callers;
    private final RateLimits limits;
    private final ProblemWriter problems;
    private final BodyLimit bodyLimit;
    private final int retryAfterSeconds;
    /*
     * With the OpenTelemetry SDK on, the gateway's own span context is propagated; with it off (the default), the
     * gateway passes the caller's trace context on untouched so the trace stays connected.
     */
    private final boolean passTraceContext;

    @Inject
    public RelayRoutes(BackendCalls calls, Callers callers, RateLimits limits, ProblemWriter problems,
            BackendConfig backends, BodyLimit bodyLimit,
            @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false") boolean otelDisabled) {
        this.calls = calls;
        this.callers = callers;
        this.limits = limits;
        this.problems = problems;
        this.bodyLimit = bodyLimit;
        this.retryAfterSeconds = backends.retryAfterSeconds();
        this.passTraceContext = otelDisabled;
    }

    /** On the application's main router: relayed paths are absolute, not under {@code quarkus.http.root-path}. */
    void install(@Observes Router router) {
        router.route().order(AHEAD_OF_FILTERS).handler(this::relayWithoutOrigin);
        router.route().order(ORDER).handler(this::relayAfterFilters);
    }

    /** A request without {@code Origin}: answered here, past filters that would do nothing for it (see above). */
    void relayWithoutOrigin(RoutingContext context) {
        if (context.request().getHeader(HttpHeaders.ORIGIN) != null) {
            context.next();
            return;
        }
        RelayTable.Match match = table.match(context.request().method(), context.normalizedPath());
        if (match == null) {
            context.next();
        } else if (!bodyLimit.refused(context)) { // its route (order -3) comes after this one
            answer(context, match);
        }
    }

    /** A request that went through Quarkus' filters (CORS): answered here if the table has its path. */
    void relayAfterFilters(RoutingContext context) {
        RelayTable.Match match = table.match(context.request().method(), context.normalizedPath());
        if (match == null) {
            context.next();
        } else {
            answer(context, match);
        }
    }

    private void answer(RoutingContext context, RelayTable.Match match) {
        if (match.route() != null) {
            // as Vert.x Web names a matched route: the template, for metrics and trace spans (http.route)
            context.request().routed(match.route().publicPath());
            relay(match, context);
        } else if (context.request().method() == HttpMethod.OPTIONS) {
            // OPTIONS without CORS (a preflight is answered before, by Quarkus' CORS filter): what may be done here
            options(context, match.allow());
        } else {
            methodNotAllowed(context, match.allow());
        }
    }

    void relay(RelayTable.Match match, RoutingContext context) {
        RelayRoute route = match.route();
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        String requestId = RequestIds.acceptOrCreate(request.getHeader(RequestIds.HEADER));
        MDC.put(RequestIds.MDC_KEY, requestId);
        response.headers().set(RequestIds.HEADER, requestId);
        if (route.personal()) {
            // set last, so that no backend header can undo it
            context.addHeadersEndHandler(v -> response.headers().set(HttpHeaders.CACHE_CONTROL, "no-store"));
        }
        try {
            if (route.takesBody() && !isJson(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
                problems.send(context, 415, "unsupported-media-type", "Unsupported Media Type",
                        "The body must be application/json", requestId);
                return;
            }
            // the body (if any) stays unread until the checks passed; then it streams to the backend
            authorize(match, context, requestId, callers.identify(request.getHeader(HttpHeaders.AUTHORIZATION)));
        } catch (RuntimeException e) {
            internalError(context, requestId, e);
        }
    }

    /** The caller's rate limit and access to the route (a token seen before is one lookup, see {@link Callers}). */
    private void authorize(RelayTable.Match match, RoutingContext context, String requestId, Caller caller) {
        RelayRoute route = match.route();
        RateLimiter.Decision decision = limits.take(caller.subject(), context.request());
        if (!decision.allowed()) {
            context.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
            problems.send(context, 429, "too-many-requests", "Too many requests", RateLimits.refusal(decision), requestId);
            return;
        }
        String role = route.access().role();
        // a token that fails verification is refused on public routes too: the client should know it is not signed in
        if (caller.kind() == Caller.Kind.REFUSED_TOKEN || (role != null && caller.kind() == Caller.Kind.ANONYMOUS)) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
            problems.send(context, 401, "unauthorized", "Unauthorized", "A valid bearer token is required", requestId);
            return;
        }
        if (role != null && !caller.hasRole(role)) {
            problems.send(context, 403, "forbidden", "Forbidden", "Your role does not allow this", requestId);
            return;
        }
        new RelayExchange(this, match, context, requestId).start(caller.subject());
    }

    BackendCalls calls() {
        return calls;
    }

    ProblemWriter problems() {
        return problems;
    }

    boolean passTraceContext() {
        return passTraceContext;
    }

    long maxBodyBytes() {
        return bodyLimit.maxBodyBytes();
    }

    String tooLarge() {
        return bodyLimit.tooLarge();
    }

    int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** 204 with {@code Allow}, as RFC 9110 describes OPTIONS; no body, so nothing for problem+json to say. */
    private static void options(RoutingContext context, String allow) {
        context.response().setStatusCode(204)
                .putHeader(HttpHeaders.ALLOW, allow)
                .putHeader(RequestIds.HEADER, RequestIds.acceptOrCreate(context.request().getHeader(RequestIds.HEADER)))
                .end();
    }

    private void methodNotAllowed(RoutingContext context, String allow) {
        context.response().putHeader(HttpHeaders.ALLOW, allow);
        problems.send(context, 405, "method-not-allowed", "Method Not Allowed",
                context.request().method().name() + " is not allowed here; allowed: " + allow, null);
    }

    private void internalError(RoutingContext context, String requestId, RuntimeException e) {
        LOG.error("Relay failed", e);
        if (!context.response().ended()) {
            problems.send(context, 500, "internal", "Internal error", "The request could not be completed", requestId);
        }
    }

    /** application/json or any {@code +json} type, with or without parameters; none means JSON. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return true;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }
}
