package org.backrelief.gateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RelayRouteTest {

    @Test
    void aBackendPathTakesEachValueAsOneEncodedSegmentAndTheUserFromTheToken() {
        Map<String, String> values = Map.of("userId", "alice/../bob", "exerciseId", "bird dog");
        assertThat(RelayRoute.GET_EXERCISE_STATS.backendPath(values::get))
                .isEqualTo("/api/v1/users/alice%2F..%2Fbob/exercises/bird%20dog/stats");
        assertThat(RelayRoute.GET_HISTORY.backendPath(values::get)).isEqualTo("/api/v1/users/alice%2F..%2Fbob/history");
        assertThat(RelayRoute.SEARCH_EXERCISES.backendPath(name -> {
            throw new AssertionError("no parameters");
        })).isEqualTo("/api/v1/exercises");
        assertThat(RelayRoute.REBUILD_HISTORY.backendPath(values::get)).isEqualTo("/api/v1/admin/rebuild");
    }

    @Test
    void noPublicPathTakesAUserIdAndEveryPersonalRouteNeedsAToken() {
        for (RelayRoute route : RelayRoute.values()) {
            assertThat(route.parameters()).as(route.name()).doesNotContain(RelayRoute.USER_ID);
            if (route.backendPath().contains("{" + RelayRoute.USER_ID + "}") || route.personal()) {
                assertThat(route.access()).as(route.name()).isNotEqualTo(RelayRoute.Access.ANYONE);
            }
            if (route.backendPath().contains("{" + RelayRoute.USER_ID + "}")) {
                assertThat(route.personal()).as(route.name()).isTrue();
            }
        }
    }

    @Test
    void onlyGetsAreReadsSoOnlyGetsAreRetried() {
        for (RelayRoute route : RelayRoute.values()) {
            if (route.call() == RelayRoute.Call.READ) {
                assertThat(route.method().name()).as(route.name()).isEqualTo("GET");
            }
        }
        assertThat(RelayRoute.PREVIEW_ROUTINE.call()).isEqualTo(RelayRoute.Call.WRITE);
    }

    @Test
    void parametersAndBodies() {
        assertThat(RelayRoute.GET_SESSION.parameters()).containsExactly("sessionId");
        assertThat(RelayRoute.COMPLETE_SESSION.takesBody()).isTrue();
        assertThat(RelayRoute.DELETE_EXERCISE.takesBody()).isFalse();
        assertThat(RelayRoute.REBUILD_HISTORY.takesBody()).as("an action takes no body").isFalse();
        assertThat(RelayRoute.GET_PROFILE.personal()).isTrue();
        assertThat(RelayRoute.SEARCH_EXERCISES.personal()).isFalse();
    }

    @Test
    void jsonBodiesOnly() {
        assertThat(RelayRoutes.isJson(null)).isTrue();
        assertThat(RelayRoutes.isJson("application/json; charset=UTF-8")).isTrue();
        assertThat(RelayRoutes.isJson("application/merge-patch+json")).isTrue();
        assertThat(RelayRoutes.isJson("text/plain")).isFalse();
        assertThat(RelayRoutes.isJson("application/x-www-form-urlencoded")).isFalse();
    }
}
