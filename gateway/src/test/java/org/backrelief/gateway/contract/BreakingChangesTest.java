package org.backrelief.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The breaking-change check on the committed contract: what fails the build and what passes. */
class BreakingChangesTest {

    private static ObjectNode contract() {
        return Contract.committed().deepCopy();
    }

    private static ObjectNode schema(ObjectNode document, String name) {
        return (ObjectNode) document.path("components").path("schemas").path(name);
    }

    private static ObjectNode properties(ObjectNode document, String name) {
        return (ObjectNode) schema(document, name).path("properties");
    }

    @Test
    void theCommittedContractHasNoBreakingChangeAgainstItself() {
        assertThat(BreakingChanges.between(contract(), contract())).isEmpty();
    }

    @Test
    void aRemovedResponseFieldIsBreaking() {
        ObjectNode after = contract();
        properties(after, "Exercise").remove("name");
        assertThat(BreakingChanges.between(contract(), after))
                .anyMatch(p -> p.startsWith("GET /api/v1/exercises") && p.contains(" 200 ") && p.endsWith(".name: field removed"));
    }

    @Test
    void anAddedResponseFieldIsNotBreaking() {
        ObjectNode after = contract();
        properties(after, "Exercise").putObject("source").put("type", "string");
        properties(after, "SessionView").putObject("adaptation").put("type", "object");
        assertThat(BreakingChanges.between(contract(), after)).isEmpty();
    }

    @Test
    void aChangedTypeIsBreaking() {
        ObjectNode after = contract();
        properties(after, "HistoryPage").putObject("total").put("type", "string");
        assertThat(BreakingChanges.between(contract(), after))
                .anyMatch(p -> p.contains("GET /api/v1/me/history 200 .total: type changed"));
    }

    @Test
    void aNewRequiredRequestFieldIsBreakingAndANewOptionalOneIsNot() {
        ObjectNode optional = contract();
        properties(optional, "CheckInRequest").putObject("mood").put("type", "string");
        assertThat(BreakingChanges.between(contract(), optional)).isEmpty();

        ObjectNode required = optional.deepCopy();
        ((ArrayNode) schema(required, "CheckInRequest").withArray("required")).add("mood");
        assertThat(BreakingChanges.between(contract(), required))
                .anyMatch(p -> p.contains("POST /api/v1/me/checkins request .mood: new required request field"));
    }

    @Test
    void aRemovedRouteIsBreakingAndANewOneIsNot() {
        ObjectNode removed = contract();
        ((ObjectNode) removed.path("paths")).remove("/api/v1/me/pain-trend");
        assertThat(BreakingChanges.between(contract(), removed)).contains("GET /api/v1/me/pain-trend: route removed");

        ObjectNode added = contract();
        JsonNode stats = added.path("paths").path("/api/v1/me/stats").deepCopy();
        ((ObjectNode) added.path("paths")).set("/api/v1/me/streaks", stats);
        assertThat(BreakingChanges.between(contract(), added)).isEmpty();
    }

    @Test
    void aNewRequiredParameterIsBreakingAndANewOptionalOneIsNot() {
        ObjectNode after = contract();
        ArrayNode parameters = ((ObjectNode) after.path("paths").path("/api/v1/me/history").path("get"))
                .withArray("parameters");
        parameters.addObject().put("name", "order").put("in", "query").putObject("schema").put("type", "string");
        assertThat(BreakingChanges.between(contract(), after)).isEmpty();
        parameters.addObject().put("name", "tz").put("in", "query").put("required", true)
                .putObject("schema").put("type", "string");
        assertThat(BreakingChanges.between(contract(), after)).containsExactly(
                "GET /api/v1/me/history: new required parameter tz");
    }

    @Test
    void aRemovedStatusOrRequiredResponseFieldIsBreaking() {
        ObjectNode after = contract();
        ((ObjectNode) after.path("paths").path("/api/v1/exercises/{id}").path("get").path("responses")).remove("304");
        List<String> problems = BreakingChanges.between(contract(), after);
        assertThat(problems).contains("GET /api/v1/exercises/{id}: response 304 removed");

        ObjectNode optional = contract();
        ((ArrayNode) schema(optional, "Exercise").path("required")).removeAll();
        assertThat(BreakingChanges.between(contract(), optional))
                .anyMatch(p -> p.contains(".id: response field no longer required"));
    }
}
