package org.backrelief.gateway.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.backrelief.gateway.backend.Backend;
import org.backrelief.gateway.relay.RelayRoute;

/**
 * The public routes of {@code /api/v1} and where each one is served, for the contract generator: the gateway's own
 * route table ({@link RelayRoute}, what the relay really serves) plus the dashboard, which the gateway composes
 * itself ({@code GATEWAY} owner, no backend path), with the contract's tag for each.
 */
public final class PublicRoutes {

    public enum Owner {
        CATALOG("catalog-service"), PLANNER("planner-service"), TRACKING("tracking-service"), GATEWAY("gateway");

        public final String serviceName;

        Owner(String serviceName) {
            this.serviceName = serviceName;
        }

        static Owner of(Backend backend) {
            return valueOf(backend.name());
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

    static final Route DASHBOARD = new Route("getDashboard", "get", "/api/v1/me/dashboard", Owner.GATEWAY, null,
            PROGRESS_TAG, List.of("user"));

    /** The relayed routes in the table's order, the dashboard among the user's routes (before the admin's). */
    public static final List<Route> ALL = all();

    private PublicRoutes() {
    }

    private static List<Route> all() {
        List<Route> routes = new ArrayList<>();
        for (RelayRoute relayed : RelayRoute.values()) {
            if (relayed.access() == RelayRoute.Access.ADMIN && !routes.contains(DASHBOARD)) {
                routes.add(DASHBOARD);
            }
            String role = relayed.access().role();
            routes.add(new Route(relayed.operationId(), relayed.method().name().toLowerCase(Locale.ROOT),
                    relayed.publicPath(), Owner.of(relayed.backend()), relayed.backendPath(), tag(relayed),
                    role == null ? List.of() : List.of(role)));
        }
        if (!routes.contains(DASHBOARD)) {
            routes.add(DASHBOARD);
        }
        return List.copyOf(routes);
    }

    private static String tag(RelayRoute route) {
        if (route.access() == RelayRoute.Access.ADMIN) {
            return ADMIN_TAG;
        }
        return switch (route.backend()) {
            case CATALOG -> CATALOG_TAG;
            case PLANNER -> route.personal() ? PROGRAM_TAG : ROUTINES_TAG;
            case TRACKING -> PROGRESS_TAG;
        };
    }
}
