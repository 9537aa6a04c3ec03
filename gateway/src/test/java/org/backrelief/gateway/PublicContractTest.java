package org.backrelief.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.backrelief.gateway.contract.BreakingChanges;
import org.backrelief.gateway.contract.Contract;
import org.backrelief.gateway.contract.ContractGenerator;
import org.backrelief.gateway.contract.PublicRoutes.Owner;
import org.backrelief.gateway.support.BackendServicesResource;
import org.backrelief.infra.BackReliefServices.Service;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The committed contract {@code src/main/openapi/v1.json} is exactly what the running services document, merged
 * by {@link ContractGenerator}; and it is what the gateway serves at {@code /q/openapi}.
 */
@QuarkusTest
class PublicContractTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void theCommittedContractIsGeneratedFromTheServicesDocuments() throws Exception {
        Map<Owner, JsonNode> documents = new EnumMap<>(Owner.class);
        documents.put(Owner.CATALOG, document(Service.CATALOG));
        documents.put(Owner.PLANNER, document(Service.PLANNER));
        documents.put(Owner.TRACKING, document(Service.TRACKING));
        for (Map.Entry<Owner, JsonNode> entry : documents.entrySet()) {
            Contract.save(Path.of("target", "contract", entry.getKey().serviceName + ".json"), entry.getValue());
        }
        String generated = Contract.write(ContractGenerator.generate(documents));
        JsonNode generatedDocument = MAPPER.readTree(generated);
        Contract.save(Path.of("target", "contract", "v1.generated.json"), generatedDocument);
        String committed = Files.exists(Contract.COMMITTED) ? Files.readString(Contract.COMMITTED) : "";
        List<String> breaking = committed.isEmpty() ? List.of()
                : BreakingChanges.between(MAPPER.readTree(committed), generatedDocument);
        boolean allowBreaking = Boolean.getBoolean("contract.allow-breaking");
        if (Boolean.getBoolean("contract.regenerate") && (breaking.isEmpty() || allowBreaking)) {
            Files.writeString(Contract.COMMITTED, generated);
            committed = generated;
        }
        if (!allowBreaking) {
            assertThat(breaking)
                    .as("The services' documents now break clients of /api/v1 (generated: "
                            + "target/contract/v1.generated.json). Make the change additive, or plan /api/v2.")
                    .isEmpty();
        }
        assertThat(committed)
                .as("%s is not what the services document now (generated: target/contract/v1.generated.json). "
                        + "The change is additive; regenerate the contract with:%n  %s",
                        Contract.COMMITTED, Contract.REGENERATE_COMMAND)
                .isEqualTo(generated);
    }

    @Test
    void theGatewayServesTheCommittedContract() throws Exception {
        JsonNode served = MAPPER.readTree(given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        JsonNode committed = Contract.committed();
        assertThat(served.get("paths")).isEqualTo(committed.get("paths"));
        assertThat(served.get("components")).isEqualTo(committed.get("components"));
        assertThat(served.get("tags")).isEqualTo(committed.get("tags"));
        assertThat(served.path("info").path("title")).isEqualTo(committed.path("info").path("title"));
    }

    private static JsonNode document(Service service) throws Exception {
        String url = BackendServicesResource.services().url(service) + "/q/openapi?format=json";
        return MAPPER.readTree(given().get(url).then().statusCode(200).extract().asString());
    }
}
