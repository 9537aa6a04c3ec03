package org.backrelief.gateway.relay;

import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;
import static org.backrelief.gateway.backend.Backend.CATALOG;
import static org.backrelief.gateway.backend.Backend.PLANNER;
import static org.backrelief.gateway.backend.Backend.TRACKING;
import static org.backrelief.gateway.relay.RelayRoute.Access.ADMIN;
import static org.backrelief.gateway.relay.RelayRoute.Access.ANYONE;
import static org.backrelief.gateway.relay.RelayRoute.Access.EDITOR;
import static org.backrelief.gateway.relay.RelayRoute.Access.USER;
import static org.backrelief.gateway.relay.RelayRoute.Call.ACTION;
import static org.backrelief.gateway.relay.RelayRoute.Call.READ;
import static org.backrelief.gateway.relay.RelayRoute.Call.WRITE;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.backrelief.common.domain.Roles;
import org.backrelief.gateway.backend.Backend;
import org.backrelief.gateway.backend.Paths;

import io.vertx.core.http.HttpMethod;

/**
 * The route table: every public route the gateway relays 1:1, one line each. {@link RelayRoutes} relays every line
 * with its checks ({@link RelayTable} finds the line); nothing else is needed to add a route. The dashboard is composed
 * in code ({@code dashboard/}) and is not in this table.
 *
 * <p>
 * Columns: operationId (as in the contract), method, public path, owning backend, the backend's path, who may call,
 * read or write, the media type asked of the backend when the client names none. A backend path may use the public
 * path's {@code {parameters}} (each sent as one percent-encoded segment) and {@code {userId}}, the caller's token
 * subject: routes under {@code /api/v1/me} never take a user id from the client. Every answer under
 * {@code /api/v1/me} is {@code Cache-Control: no-store}; a write by POST or PUT takes a JSON body (else 415).
 */
public enum RelayRoute {
    // @formatter:off
    SEARCH_EXERCISES     ("searchExercises",       GET,    "/api/v1/exercises",                        CATALOG,  "/api/v1/exercises",                                  ANYONE, READ),
    CREATE_EXERCISE      ("createExercise",        POST,   "/api/v1/exercises",                        CATALOG,  "/api/v1/exercises",                                  EDITOR, WRITE),
    GET_EXERCISE         ("getExercise",           GET,    "/api/v1/exercises/{id}",                   CATALOG,  "/api/v1/exercises/{id}",                             ANYONE, READ),
    UPDATE_EXERCISE      ("updateExercise",        PUT,    "/api/v1/exercises/{id}",                   CATALOG,  "/api/v1/exercises/{id}",                             EDITOR, WRITE),
    DELETE_EXERCISE      ("deleteExercise",        DELETE, "/api/v1/exercises/{id}",                   CATALOG,  "/api/v1/exercises/{id}",                             EDITOR, WRITE),
    LIST_PHASES          ("listPhases",            GET,    "/api/v1/phases",                           CATALOG,  "/api/v1/phases",                                     ANYONE, READ),
    LIST_PHASE_EXERCISES ("listPhaseExercises",    GET,    "/api/v1/phases/{phase}/exercises",         CATALOG,  "/api/v1/phases/{phase}/exercises",                   ANYONE, READ),
    PREVIEW_ROUTINE      ("previewRoutine",        POST,   "/api/v1/routines/preview",                 PLANNER,  "/api/v1/routines/preview",                           ANYONE, WRITE),
    GET_PROFILE          ("getProfile",            GET,    "/api/v1/me/profile",                       PLANNER,  "/api/v1/me/profile",                                 USER,   READ),
    SAVE_PROFILE         ("saveProfile",           PUT,    "/api/v1/me/profile",                       PLANNER,  "/api/v1/me/profile",                                 USER,   WRITE),
    CREATE_PLAN          ("createPlan",            POST,   "/api/v1/me/plans",                         PLANNER,  "/api/v1/me/plans",                                   USER,   WRITE),
    GET_CURRENT_PLAN     ("getCurrentPlan",        GET,    "/api/v1/me/plans/current",                 PLANNER,  "/api/v1/me/plans/current",                           USER,   READ),
    GET_NEXT_SESSION     ("getNextSession",        GET,    "/api/v1/me/sessions/next",                 PLANNER,  "/api/v1/me/sessions/next",                           USER,   READ),
    GET_SESSION          ("getSession",            GET,    "/api/v1/me/sessions/{sessionId}",          PLANNER,  "/api/v1/me/sessions/{sessionId}",                    USER,   READ),
    COMPLETE_SESSION     ("completeSession",       POST,   "/api/v1/me/sessions/{sessionId}/completion", PLANNER, "/api/v1/me/sessions/{sessionId}/completion",        USER,   WRITE),
    CHECK_IN             ("checkIn",               POST,   "/api/v1/me/checkins",                      PLANNER,  "/api/v1/me/checkins",                                USER,   WRITE),
    GET_HISTORY          ("getHistory",            GET,    "/api/v1/me/history",                       TRACKING, "/api/v1/users/{userId}/history",                     USER,   READ),
    GET_HISTORY_CSV      ("getHistoryCsv",         GET,    "/api/v1/me/history.csv",                   TRACKING, "/api/v1/users/{userId}/history.csv",                 USER,   READ, "text/csv"),
    GET_STATISTICS       ("getStatistics",         GET,    "/api/v1/me/stats",                         TRACKING, "/api/v1/users/{userId}/stats",                       USER,   READ),
    GET_PAIN_TREND       ("getPainTrend",          GET,    "/api/v1/me/pain-trend",                    TRACKING, "/api/v1/users/{userId}/pain-trend",                  USER,   READ),
    GET_EXERCISE_STATS   ("getExerciseStatistics", GET,    "/api/v1/me/exercises/{exerciseId}/stats",  TRACKING, "/api/v1/users/{userId}/exercises/{exerciseId}/stats", USER,  READ),
    REBUILD_HISTORY      ("rebuildHistory",        POST,   "/api/v1/admin/history/rebuild",            TRACKING, "/api/v1/admin/rebuild",                              ADMIN,  ACTION);
    // @formatter:on

    /** Who may call a route: anyone, or a bearer token carrying the role. */
    public enum Access {
        ANYONE(null), USER(Roles.USER), EDITOR(Roles.EDITOR), ADMIN(Roles.ADMIN);

        private final String role;

        Access(String role) {
            this.role = role;
        }

        /** The role a token must carry; null for public routes. */
        public String role() {
            return role;
        }
    }

    /**
     * Reads are idempotent: retried after failures and given the read timeout. Writes are never retried (the backend
     * may have acted on them) and get the longer write timeout; the preview is a POST that computes a lot, so a write.
     */
    public enum Call {
        READ,
        /** A write with a JSON body (POST, PUT) or none (DELETE). */
        WRITE,
        /** A write that takes no body: it only asks the backend to do something. */
        ACTION
    }

    /** The caller's token subject in a backend path. */
    public static final String USER_ID = "userId";
    static final String PERSONAL_PREFIX = "/api/v1/me/";

    private final String operationId;
    private final HttpMethod method;
    private final String publicPath;
    private final Backend backend;
    private final String backendPath;
    private final Access access;
    private final Call call;
    private final String produces;
    private final List<String> parameters;
    /** The backend path split at its parameters: literal, name, literal, name, ..., literal. */
    private final String[] backendParts;

    RelayRoute(String operationId, HttpMethod method, String publicPath, Backend backend, String backendPath,
            Access access, Call call) {
        this(operationId, method, publicPath, backend, backendPath, access, call, "application/json");
    }

    RelayRoute(String operationId, HttpMethod method, String publicPath, Backend backend, String backendPath,
            Access access, Call call, String produces) {
        this.operationId = operationId;
        this.method = method;
        this.publicPath = publicPath;
        this.backend = backend;
        this.backendPath = backendPath;
        this.access = access;
        this.call = call;
        this.produces = produces;
        List<String> names = new ArrayList<>();
        Matcher m = Template.PARAMETER.matcher(publicPath);
        while (m.find()) {
            names.add(m.group(1));
        }
        this.parameters = List.copyOf(names);
        this.backendParts = split(backendPath);
    }

    private static String[] split(String template) {
        List<String> parts = new ArrayList<>();
        Matcher m = Template.PARAMETER.matcher(template);
        int at = 0;
        while (m.find()) {
            parts.add(template.substring(at, m.start()));
            parts.add(m.group(1));
            at = m.end();
        }
        parts.add(template.substring(at));
        return parts.toArray(String[]::new);
    }

    /**
     * The backend path for one request: each parameter's (decoded) value as one percent-encoded segment, so a value
     * can never add a segment or a query.
     */
    public String backendPath(Function<String, String> values) {
        if (backendParts.length == 1) {
            return backendParts[0];
        }
        StringBuilder path = new StringBuilder(backendPath.length() + 32);
        for (int i = 0; i < backendParts.length; i++) {
            path.append(i % 2 == 0 ? backendParts[i] : Paths.segment(values.apply(backendParts[i])));
        }
        return path.toString();
    }

    public String operationId() {
        return operationId;
    }

    public HttpMethod method() {
        return method;
    }

    public String publicPath() {
        return publicPath;
    }

    public Backend backend() {
        return backend;
    }

    public String backendPath() {
        return backendPath;
    }

    public Access access() {
        return access;
    }

    public Call call() {
        return call;
    }

    /** What the backend is asked for when the client's request has no Accept header. */
    public String produces() {
        return produces;
    }

    /** The public path's parameter names, in order. */
    public List<String> parameters() {
        return parameters;
    }

    /** A write by POST or PUT carries a JSON body (else 415); an {@link Call#ACTION} takes none. */
    public boolean takesBody() {
        return call == Call.WRITE && (method == POST || method == PUT);
    }

    /** Personal data: never stored by a browser or proxy cache. */
    public boolean personal() {
        return publicPath.startsWith(PERSONAL_PREFIX);
    }

    /** Enum constructors cannot read the enum's own static fields: the pattern lives here. */
    private static final class Template {
        static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");
    }
}
