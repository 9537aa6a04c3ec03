package org.backrelief.gateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vertx.core.http.HttpMethod;

/** The one lookup that replaced a Vert.x route per method and path: it must match what those routes matched. */
class RelayTableTest {

    private final RelayTable table = new RelayTable(RelayRoute.values());

    @Test
    void everyLineOfTheTableIsFoundByItsOwnMethodAndPath() {
        for (RelayRoute route : RelayRoute.values()) {
            String path = route.publicPath().replaceAll("\\{[A-Za-z]+}", "x1");
            RelayTable.Match match = table.match(route.method(), path);
            assertThat(match).as(route.name()).isNotNull();
            assertThat(match.route()).as(route.name()).isEqualTo(route);
            for (String name : route.parameters()) {
                assertThat(match.value(name)).as(route.name() + " " + name).isEqualTo("x1");
            }
        }
    }

    @Test
    void aLiteralSegmentIsMatchedBeforeAParameterInTheSamePlace() {
        assertThat(table.match(HttpMethod.GET, "/api/v1/me/sessions/next").route())
                .isEqualTo(RelayRoute.GET_NEXT_SESSION);
        RelayTable.Match other = table.match(HttpMethod.GET, "/api/v1/me/sessions/s-42");
        assertThat(other.route()).isEqualTo(RelayRoute.GET_SESSION);
        assertThat(other.value("sessionId")).isEqualTo("s-42");
    }

    @Test
    void aLiteralSegmentDoesNotHideTheSameNameAsAParameterFurtherOn() {
        RelayTable.Match completion = table.match(HttpMethod.POST, "/api/v1/me/sessions/next/completion");
        assertThat(completion.route()).isEqualTo(RelayRoute.COMPLETE_SESSION);
        assertThat(completion.value("sessionId")).isEqualTo("next");
    }

    @Test
    void parametersArePercentDecodedOneSegmentEachAndAPlusStaysAPlus() {
        assertThat(table.match(HttpMethod.GET, "/api/v1/exercises/a%2Fb").value("id")).isEqualTo("a/b");
        assertThat(table.match(HttpMethod.GET, "/api/v1/exercises/%C3%A9").value("id")).isEqualTo("é");
        assertThat(table.match(HttpMethod.GET, "/api/v1/exercises/a+b").value("id")).isEqualTo("a+b");
        assertThat(table.match(HttpMethod.GET, "/api/v1/exercises/a/b")).as("two segments are no id").isNull();
        // defensive: the router answers 400 to a malformed escape before any route runs
        assertThat(table.match(HttpMethod.GET, "/api/v1/exercises/%25zz").value("id")).isEqualTo("%zz");
        assertThat(table.match(HttpMethod.GET, "/api/v1/exercises/%zz")).as("a malformed escape").isNull();
        assertThat(table.match(HttpMethod.GET, "/api/v1/phases//exercises")).as("an empty parameter").isNull();
        RelayTable.Match phase = table.match(HttpMethod.GET, "/api/v1/phases/warm-up/exercises");
        assertThat(phase.route()).isEqualTo(RelayRoute.LIST_PHASE_EXERCISES);
        assertThat(phase.value("phase")).isEqualTo("warm-up");
    }

    @Test
    void oneTrailingSlashIsOptionalAndCaseMatters() {
        assertThat(table.match(HttpMethod.GET, "/api/v1/exercises/").route()).isEqualTo(RelayRoute.SEARCH_EXERCISES);
        assertThat(table.match(HttpMethod.GET, "/api/v1/exercises/cat-cow/").value("id")).isEqualTo("cat-cow");
        assertThat(table.match(HttpMethod.GET, "/api/v1/EXERCISES")).isNull();
        assertThat(table.match(HttpMethod.GET, "/api/v1/no-such-thing")).isNull();
        assertThat(table.match(HttpMethod.GET, "/")).isNull();
    }

    @Test
    void headIsTheGetRouteAndAnotherMethodOnAKnownPathListsWhatIsAllowed() {
        assertThat(table.match(HttpMethod.HEAD, "/api/v1/me/history").route()).isEqualTo(RelayRoute.GET_HISTORY);
        RelayTable.Match patch = table.match(HttpMethod.PATCH, "/api/v1/exercises");
        assertThat(patch.route()).isNull();
        assertThat(patch.allow()).isEqualTo("GET, HEAD, POST, OPTIONS");
        RelayTable.Match options = table.match(HttpMethod.OPTIONS, "/api/v1/exercises/cat-cow");
        assertThat(options.route()).isNull();
        assertThat(options.allow()).isEqualTo("GET, HEAD, PUT, DELETE, OPTIONS");
        RelayTable.Match headOfAnAction = table.match(HttpMethod.HEAD, "/api/v1/admin/history/rebuild");
        assertThat(headOfAnAction.route()).as("HEAD only where there is a GET").isNull();
        assertThat(headOfAnAction.allow()).isEqualTo("POST, OPTIONS");
    }
}
