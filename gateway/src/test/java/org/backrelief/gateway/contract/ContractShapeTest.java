package org.backrelief.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.backrelief.gateway.contract.PublicRoutes.Route;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The committed contract is complete and typed: what a front-end needs to generate a client with no unknowns. */
class ContractShapeTest {

    private static final JsonNode CONTRACT = Contract.committed();

    @Test
    void everyPublicRouteIsInTheContractWithItsOperationIdTagAndSecurity() {
        for (Route route : PublicRoutes.ALL) {
            JsonNode operation = CONTRACT.path("paths").path(route.publicPath()).path(route.method());
            assertThat(operation.isObject()).as("%s %s", route.method(), route.publicPath()).isTrue();
            assertThat(operation.path("operationId").asText()).isEqualTo(route.operationId());
            assertThat(operation.path("tags").get(0).asText()).isEqualTo(route.tag());
            assertThat(operation.path("security").path(0).has("jwt")).as("%s secured", route.operationId())
                    .isEqualTo(route.secured());
            // 401 everywhere (a token sent to a public route must be valid too), 403 where a role is needed
            assertThat(operation.path("responses").has("401")).as("%s 401", route.operationId()).isTrue();
            assertThat(operation.path("responses").has("403")).as("%s 403", route.operationId())
                    .isEqualTo(route.secured());
        }
        int operations = 0;
        for (JsonNode item : CONTRACT.path("paths")) {
            operations += item.size();
        }
        assertThat(operations).as("no operation beyond the route table").isEqualTo(PublicRoutes.ALL.size());
    }

    @Test
    void everyBodyHasASchemaThatIsNotAnOpenObject() {
        List<String> untyped = new ArrayList<>();
        CONTRACT.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String where = op.getKey().toUpperCase() + " " + path.getKey();
            op.getValue().path("requestBody").path("content").fields()
                    .forEachRemaining(media -> check(untyped, where + " request", media));
            op.getValue().path("responses").fields().forEachRemaining(response -> response.getValue().path("content")
                    .fields().forEachRemaining(media -> check(untyped, where + " " + response.getKey(), media)));
        }));
        assertThat(untyped).isEmpty();
    }

    @Test
    void noFrameworkTypeLeaksIntoTheContract() {
        String text = CONTRACT.toString();
        for (String internal : List.of("HttpServerRequest", "Uni", "JsonNode", "Response\"", "MultiMap", "byte[]")) {
            assertThat(text).as("framework type %s", internal).doesNotContain("schemas/" + internal);
        }
        assertThat(CONTRACT.path("components").path("schemas").fieldNames()).toIterable()
                .noneMatch(name -> name.startsWith("Http") || name.equals("Uni") || name.equals("JsonNode"));
    }

    private static void check(List<String> untyped, String where, Map.Entry<String, JsonNode> media) {
        JsonNode schema = media.getValue().path("schema");
        boolean typed = schema.has("$ref") || (schema.path("type").asText().equals("array") && schema.has("items"))
                || schema.path("type").asText().equals("string");
        if (!typed) {
            untyped.add(where + " " + media.getKey() + ": " + schema);
        }
    }
}
