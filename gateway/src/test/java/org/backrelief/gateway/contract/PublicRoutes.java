package org.backrelief.gateway.contract;

import java.util.List;

/**
 * The public routes of {@code /api/v1} and where each one is served: the mapping the gateway's relay implements,
 * written down once for the contract generator. {@code backendPath} is the owning service's own path; {@code null}
 * service means the gateway composes the answer itself (the dashboard).
 */
public final class PublicRoutes {

    public enum Owner {
        CATALOG("catalog-service"), PLANNER("planner-service"), TRACKING("tracking-service"), GATEWAY("gateway");

        public final String serviceName;

        Owner(String serviceName) {
            this.serviceName = serviceName;
        }
    }

    public record Route(String operationId, String method, String publicPath, Owner owner, String backendPath,
            String tag, List<String> roles) {

        public boolean secured() {
            return !roles.isEmpty();
        }
    }

    public static final String CATALOG_TAG = "Catalog";
    public static final String ROUTINES_TAG = "Routines";
    public static final String PROGRAM_TAG = "Me: program";
    public static final String PROGRESS_TAG = "Me: progress";
    public static final String ADMIN_TAG = "Admin";

    private static final List<String> ANYONE = List.of();
    private static final List<String> USER = List.of("user");
    private static final List<String> EDITOR = List.of("editor");
    private static final List<String> ADMIN = List.of("admin");

    public static final List<Route> ALL = List.of(
            new Route("searchExercises", "get", "/api/v1/exercises", Owner.CATALOG, "/api/v1/exercises", CATALOG_TAG, ANYONE),
            new Route("createExercise", "post", "/api/v1/exercises", Owner.CATALOG, "/api/v1/exercises", CATALOG_TAG, EDITOR),
            new Route("getExercise", "get", "/api/v1/exercises/{id}", Owner.CATALOG, "/api/v1/exercises/{id}", CATALOG_TAG, ANYONE),
            new Route("updateExercise", "put", "/api/v1/exercises/{id}", Owner.CATALOG, "/api/v1/exercises/{id}", CATALOG_TAG, EDITOR),
            new Route("deleteExercise", "delete", "/api/v1/exercises/{id}", Owner.CATALOG, "/api/v1/exercises/{id}", CATALOG_TAG, EDITOR),
            new Route("listPhases", "get", "/api/v1/phases", Owner.CATALOG, "/api/v1/phases", CATALOG_TAG, ANYONE),
            new Route("listPhaseExercises", "get", "/api/v1/phases/{phase}/exercises", Owner.CATALOG, "/api/v1/phases/{phase}/exercises", CATALOG_TAG, ANYONE),
            new Route("previewRoutine", "post", "/api/v1/routines/preview", Owner.PLANNER, "/api/v1/routines/preview", ROUTINES_TAG, ANYONE),
            new Route("getProfile", "get", "/api/v1/me/profile", Owner.PLANNER, "/api/v1/me/profile", PROGRAM_TAG, USER),
            new Route("saveProfile", "put", "/api/v1/me/profile", Owner.PLANNER, "/api/v1/me/profile", PROGRAM_TAG, USER),
            new Route("createPlan", "post", "/api/v1/me/plans", Owner.PLANNER, "/api/v1/me/plans", PROGRAM_TAG, USER),
            new Route("getCurrentPlan", "get", "/api/v1/me/plans/current", Owner.PLANNER, "/api/v1/me/plans/current", PROGRAM_TAG, USER),
            new Route("getNextSession", "get", "/api/v1/me/sessions/next", Owner.PLANNER, "/api/v1/me/sessions/next", PROGRAM_TAG, USER),
            new Route("getSession", "get", "/api/v1/me/sessions/{sessionId}", Owner.PLANNER, "/api/v1/me/sessions/{sessionId}", PROGRAM_TAG, USER),
            new Route("completeSession", "post", "/api/v1/me/sessions/{sessionId}/completion", Owner.PLANNER, "/api/v1/me/sessions/{sessionId}/completion", PROGRAM_TAG, USER),
            new Route("checkIn", "post", "/api/v1/me/checkins", Owner.PLANNER, "/api/v1/me/checkins", PROGRAM_TAG, USER),
            new Route("getHistory", "get", "/api/v1/me/history", Owner.TRACKING, "/api/v1/users/{userId}/history", PROGRESS_TAG, USER),
            new Route("getHistoryCsv", "get", "/api/v1/me/history.csv", Owner.TRACKING, "/api/v1/users/{userId}/history.csv", PROGRESS_TAG, USER),
            new Route("getStatistics", "get", "/api/v1/me/stats", Owner.TRACKING, "/api/v1/users/{userId}/stats", PROGRESS_TAG, USER),
            new Route("getPainTrend", "get", "/api/v1/me/pain-trend", Owner.TRACKING, "/api/v1/users/{userId}/pain-trend", PROGRESS_TAG, USER),
            new Route("getExerciseStatistics", "get", "/api/v1/me/exercises/{exerciseId}/stats", Owner.TRACKING, "/api/v1/users/{userId}/exercises/{exerciseId}/stats", PROGRESS_TAG, USER),
            new Route("getDashboard", "get", "/api/v1/me/dashboard", Owner.GATEWAY, null, PROGRESS_TAG, USER),
            new Route("rebuildHistory", "post", "/api/v1/admin/history/rebuild", Owner.TRACKING, "/api/v1/admin/rebuild", ADMIN_TAG, ADMIN));

    private PublicRoutes() {
    }
}
