package org.backrelief.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The validator the contract filter runs on every answer the gateway's tests receive: what it lets through. */
class ContractValidatorTest {

    private static final ContractValidator VALIDATOR = new ContractValidator(Contract.committed());
    private static final Map<String, String> HEADERS = Map.of("X-Request-Id", "r-1");
    private static final String PROBLEM = "{\"type\":\"https://backrelief.org/problems/not-found\",\"title\":\"Not found\","
            + "\"status\":404,\"detail\":\"No exercise bird-cat\",\"instance\":\"/api/v1/exercises/bird-cat\",\"requestId\":\"r-1\"}";

    private static List<String> check(String method, String path, int status, String contentType, String body) {
        return VALIDATOR.check(new ContractValidator.Exchange(method, path, status, contentType, HEADERS::get, body));
    }

    @Test
    void aDocumentedAnswerPasses() {
        assertThat(check("GET", "/api/v1/exercises/bird-cat", 404, "application/problem+json", PROBLEM)).isEmpty();
    }

    @Test
    void anUndocumentedFieldFails() {
        String body = PROBLEM.replace("}", ",\"stackTrace\":\"at ...\"}");
        assertThat(check("GET", "/api/v1/exercises/bird-cat", 404, "application/problem+json", body))
                .anyMatch(e -> e.contains("stackTrace"));
    }

    @Test
    void aFieldOfTheWrongTypeFails() {
        String body = PROBLEM.replace("\"status\":404", "\"status\":\"404\"");
        assertThat(check("GET", "/api/v1/exercises/bird-cat", 404, "application/problem+json", body))
                .anyMatch(e -> e.contains("status"));
    }

    @Test
    void anUndeclaredStatusFails() {
        assertThat(check("GET", "/api/v1/me/stats", 418, "application/problem+json", PROBLEM))
                .anyMatch(e -> e.contains("status not declared"));
    }

    @Test
    void anUndeclaredContentTypeFails() {
        assertThat(check("GET", "/api/v1/exercises/bird-cat", 404, "application/json", PROBLEM))
                .anyMatch(e -> e.contains("content type application/json not declared"));
    }

    @Test
    void aMissingRequiredHeaderFails() {
        assertThat(VALIDATOR.check(new ContractValidator.Exchange("GET", "/api/v1/exercises/bird-cat", 404,
                "application/problem+json", name -> null, PROBLEM)))
                .anyMatch(e -> e.contains("required header X-Request-Id is missing"));
    }

    @Test
    void aRouteOutsideTheContractMayOnlyAnswerProblems() {
        assertThat(check("GET", "/api/v1/nothing", 404, "application/problem+json", PROBLEM)).isEmpty();
        assertThat(check("GET", "/api/v1/nothing", 200, "application/json", "{}"))
                .anyMatch(e -> e.contains("does not have"));
    }

    @Test
    void oneTrailingSlashIsTheSameRouteAsTheGatewayMatchesIt() {
        assertThat(check("GET", "/api/v1/exercises/bird-cat/", 404, "application/problem+json", PROBLEM)).isEmpty();
        assertThat(check("GET", "/api/v1/exercises/bird-cat/", 404, "application/json", PROBLEM))
                .anyMatch(e -> e.contains("content type application/json not declared"));
    }

    @Test
    void literalPathsWinOverTemplates() {
        // /me/sessions/next is its own route, not session "next": a 400 is not declared there
        assertThat(check("GET", "/api/v1/me/sessions/next", 400, "application/problem+json", PROBLEM))
                .anyMatch(e -> e.contains("GET /api/v1/me/sessions/next -> 400"));
    }
}
