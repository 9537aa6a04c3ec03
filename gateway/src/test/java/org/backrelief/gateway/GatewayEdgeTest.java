package org.backrelief.gateway;

import static org.backrelief.testing.Management.management;
import static io.restassured.RestAssured.given;
import static org.backrelief.gateway.support.Api.PROBLEM_JSON;
import static org.backrelief.gateway.support.Api.anonymous;
import static org.backrelief.gateway.support.Api.asUser;
import static org.backrelief.gateway.support.Api.newUser;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

import org.backrelief.gateway.support.BackendServicesResource;
import org.backrelief.gateway.contract.ContractFilter;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * What the gateway itself guarantees at its edge, whatever the backends do: health, the API document, one error
 * model for errors no backend sees, size limits, CORS, security headers, request ids, no dev token.
 */
@QuarkusTest
@QuarkusTestResource(BackendServicesResource.class)
class GatewayEdgeTest {

    static {
        ContractFilter.install(); // this class also calls given() directly
    }

    /** Every public route, as OpenAPI names it. */
    static final List<String> PUBLIC_PATHS = List.of(
            "/api/v1/exercises", "/api/v1/exercises/{id}", "/api/v1/phases", "/api/v1/phases/{phase}/exercises",
            "/api/v1/routines/preview",
            "/api/v1/me/profile", "/api/v1/me/plans", "/api/v1/me/plans/current", "/api/v1/me/sessions/next",
            "/api/v1/me/sessions/{sessionId}", "/api/v1/me/sessions/{sessionId}/completion", "/api/v1/me/checkins",
            "/api/v1/me/history", "/api/v1/me/history.csv", "/api/v1/me/stats", "/api/v1/me/pain-trend",
            "/api/v1/me/exercises/{exerciseId}/stats", "/api/v1/me/dashboard",
            "/api/v1/admin/history/rebuild");

    @Test
    void readyWithoutAnyBackendCheck() {
        management().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        management().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiDescribesEveryPublicRouteAndOnlyThose() {
        var paths = given().get("/q/openapi?format=json").then().statusCode(200)
                .body("openapi", startsWith("3."))
                .body("components.schemas", hasKey("Problem"))
                .extract().jsonPath().getMap("paths");
        for (String path : PUBLIC_PATHS) {
            assertThat("OpenAPI paths", paths, hasKey(path));
        }
        assertThat("dev token endpoint is not part of the API", paths, not(hasKey("/api/v1/dev/token")));
        // secured routes document 401/403, public ones 401 (an invalid token), and every route documents the rate limit and outages, as problem+json
        given().get("/q/openapi?format=json").then()
                .body("paths.'/api/v1/me/dashboard'.get.responses", hasKey("401"))
                .body("paths.'/api/v1/me/dashboard'.get.security", notNullValue())
                .body("paths.'/api/v1/exercises'.get.responses", hasKey("429"))
                .body("paths.'/api/v1/exercises'.get.responses", hasKey("401")) // a token sent must be valid
                .body("paths.'/api/v1/exercises'.get.responses", not(hasKey("403")))
                .body("paths.'/api/v1/me/history'.get.responses.'503'.content", hasKey(PROBLEM_JSON));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void unknownRouteIsProblemJson() {
        anonymous().get("/api/v1/no-such-thing").then().statusCode(404).contentType(PROBLEM_JSON)
                .body("status", equalTo(404)).body("instance", equalTo("/api/v1/no-such-thing"))
                .body("requestId", notNullValue());
        anonymous().get("/elsewhere").then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void wrongMethodIsProblemJson() {
        anonymous().delete("/api/v1/phases").then().statusCode(405).contentType(PROBLEM_JSON).body("status", equalTo(405));
    }

    @Test
    void wrongMediaTypeIsProblemJson() {
        anonymous().contentType(ContentType.TEXT).body("hello").post("/api/v1/routines/preview")
                .then().statusCode(415).contentType(PROBLEM_JSON);
    }

    @Test
    void oversizedBodyIsRejectedWith413ProblemJson() {
        String body = "{\"padding\":\"" + "x".repeat(300 * 1024) + "\"}";
        anonymous().contentType(ContentType.JSON).body(body).post("/api/v1/routines/preview")
                .then().statusCode(413).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://backrelief.org/problems/payload-too-large"))
                .body("instance", equalTo("/api/v1/routines/preview"));
    }

    @TestHTTPResource("/api/v1/routines/preview")
    java.net.URI preview;

    @Test
    void anOversizedChunkedBodyIsCutOffWith413ProblemJsonToo() throws Exception {
        // no Content-Length: the relay counts the body as it arrives
        byte[] body = ("{\"padding\":\"" + "x".repeat(300 * 1024) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var request = java.net.http.HttpRequest.newBuilder(preview).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build();
        var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        var answer = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode(), equalTo(413));
        assertThat(answer.headers().firstValue("Content-Type").orElse(""), startsWith(PROBLEM_JSON));
        assertThat(answer.body(), org.hamcrest.Matchers.containsString("payload-too-large"));
    }

    @TestHTTPResource("/api/v1/exercises")
    java.net.URI exercises;

    @TestHTTPResource("/api/v1/me/profile")
    java.net.URI profile;

    @Test
    void headOfAReadIsRelayedAsHeadWithTheSameChecks() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var head = client.send(java.net.http.HttpRequest.newBuilder(exercises)
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode(), equalTo(200));
        assertThat(head.body(), equalTo(""));
        assertThat(head.headers().firstValue("X-Request-Id").isPresent(), equalTo(true));
        var personal = client.send(java.net.http.HttpRequest.newBuilder(profile)
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(personal.statusCode(), equalTo(401));
        assertThat(personal.headers().firstValue("Cache-Control").orElse(""), equalTo("no-store"));
    }

    @Test
    void missingOrInvalidTokenIs401ProblemJson() {
        anonymous().get("/api/v1/me/profile").then().statusCode(401).contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", "Bearer");
        anonymous().auth().oauth2("not-a-jwt").get("/api/v1/me/profile").then().statusCode(401).contentType(PROBLEM_JSON);
        // signed by a key the gateway does not trust
        anonymous().auth().oauth2(org.backrelief.gateway.support.ForeignTokens.selfSigned("mallory")).get("/api/v1/me/profile")
                .then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void wrongRoleIs403ProblemJson() {
        asUser(newUser("edge")).post("/api/v1/admin/history/rebuild").then().statusCode(403).contentType(PROBLEM_JSON);
    }

    @Test
    void corsPreflightAllowsTheConfiguredOrigin() {
        given().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
                .options("/api/v1/me/profile")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Allow-Methods", org.hamcrest.Matchers.containsString("PUT"))
                .header("Access-Control-Allow-Headers", org.hamcrest.Matchers.containsStringIgnoringCase("authorization"));
        // a simple request from that origin may read the headers a client needs
        given().header("Origin", "http://localhost:5173").get("/api/v1/phases").then()
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Expose-Headers", org.hamcrest.Matchers.containsString("X-Request-Id"));
    }

    @Test
    void optionsWithoutCorsAnswers204WithAllow() {
        // checked against the contract by ContractFilter as well: every documented method is in Allow
        given().options("/api/v1/exercises").then().statusCode(204)
                .header("Allow", "GET, HEAD, POST, OPTIONS")
                .header("X-Request-Id", not(org.hamcrest.Matchers.blankOrNullString()));
        given().options("/api/v1/exercises/bird-dog").then().statusCode(204)
                .header("Allow", "GET, HEAD, PUT, DELETE, OPTIONS");
        given().options("/api/v1/me/profile").then().statusCode(204).header("Allow", "GET, HEAD, PUT, OPTIONS");
        // and a method the route does not have is 405 problem+json naming what it does have
        given().patch("/api/v1/me/profile").then().statusCode(405).contentType(PROBLEM_JSON)
                .header("Allow", "GET, HEAD, PUT, OPTIONS");
    }

    @Test
    void aRelayedRouteAnswersAlikeWithAndWithoutOriginAndOnlyACrossOriginCallGetsCorsHeaders() {
        // without Origin the relay runs ahead of Quarkus' filters, with it after CORS: the same checks either way
        String allowed = "http://localhost:5173";
        for (String origin : new String[] { null, allowed }) {
            java.util.function.Supplier<io.restassured.specification.RequestSpecification> call =
                    () -> origin == null ? anonymous() : anonymous().header("Origin", origin);
            securityHeaders(call.get().get("/api/v1/exercises/bird-dog").then().statusCode(200))
                    .header("X-Request-Id", not(org.hamcrest.Matchers.blankOrNullString()))
                    .header("Access-Control-Allow-Origin", origin == null ? nullValue() : equalTo(allowed))
                    .body("id", equalTo("bird-dog"));
            // one trailing slash and a percent-encoded parameter, as the routes per path matched them
            call.get().get("/api/v1/exercises/").then().statusCode(200);
            call.get().urlEncodingEnabled(false).get("/api/v1/exercises/bird%2Ddog").then().statusCode(200)
                    .body("id", equalTo("bird-dog"));
            call.get().get("/api/v1/me/history").then().statusCode(401).contentType(PROBLEM_JSON)
                    .header("Cache-Control", "no-store");
            call.get().delete("/api/v1/phases").then().statusCode(405).contentType(PROBLEM_JSON)
                    .header("Allow", "GET, HEAD, OPTIONS");
            // a declared oversized body is refused before the caller is looked at: 413, not 401, and the body unread
            call.get().contentType(ContentType.JSON).body("{\"padding\":\"" + "x".repeat(300 * 1024) + "\"}")
                    .post("/api/v1/me/plans").then().statusCode(413).contentType(PROBLEM_JSON)
                    .header("Connection", "close");
        }
    }

    /** The headers every answer carries (quarkus.http.header). */
    private static io.restassured.response.ValidatableResponse securityHeaders(
            io.restassured.response.ValidatableResponse answer) {
        return answer.header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'"))
                .header("Referrer-Policy", "no-referrer")
                .header("Strict-Transport-Security", startsWith("max-age="));
    }

    @Test
    void corsPreflightRefusesOtherOrigins() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .options("/api/v1/exercises")
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void securityHeadersOnEveryResponse() {
        securityHeaders(anonymous().get("/api/v1/phases").then());
        anonymous().get("/api/v1/no-such-thing").then().header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void personalAnswersAreNeverCached() {
        asUser(newUser("edge")).get("/api/v1/me/profile").then().header("Cache-Control", "no-store");
        anonymous().get("/api/v1/me/stats").then().statusCode(401).header("Cache-Control", "no-store");
    }

    @Test
    void requestIdIsAcceptedReturnedAndPassedToTheBackend() {
        String id = "edge-test-" + System.nanoTime();
        // the 404 comes from catalog-service: its problem carries the id only if the gateway passed it on
        anonymous().header("X-Request-Id", id).get("/api/v1/exercises/no-such-exercise")
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .header("X-Request-Id", id)
                .body("requestId", equalTo(id));
    }

    @Test
    void requestIdIsCreatedWhenMissing() {
        String created = anonymous().get("/api/v1/phases").then().statusCode(200)
                .extract().header("X-Request-Id");
        assertThat(created, not(org.hamcrest.Matchers.blankOrNullString()));
    }

    @Test
    void devTokenMintingIsOffOutsideLocalDevelopment() {
        anonymous().contentType(ContentType.JSON).body("{\"subject\":\"alice\",\"roles\":[\"admin\"]}")
                .post("/api/v1/dev/token")
                .then().statusCode(404).contentType(PROBLEM_JSON);
    }
}
