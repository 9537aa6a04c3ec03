package org.backrelief.gateway.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.backrelief.gateway.support.Api.PROBLEM_JSON;
import static org.backrelief.gateway.support.Api.newUser;
import static org.backrelief.gateway.support.Api.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The relayed routes tell the caller from the bearer token themselves (edge/Callers), the REST endpoints through
 * Quarkus (authentication is not proactive): both accept and refuse the same tokens, and the header is read as
 * SmallRye reads it.
 */
@QuarkusTest
class CallerIdentityTest {

    private static Response get(String path, String authorization) {
        return given().accept(ContentType.JSON).header("Authorization", authorization).get(path);
    }

    @Test
    void aTokenThatFailsVerificationIsRefusedOnAPublicRouteTooWithOneRequestId() {
        Response refused = get("/api/v1/exercises?size=1", "Bearer abc.def.ghi");
        refused.then().statusCode(401).contentType(PROBLEM_JSON).header("WWW-Authenticate", "Bearer");
        List<String> ids = refused.headers().getValues("X-Request-Id");
        assertThat(ids).as("X-Request-Id headers").hasSize(1);
        assertThat(refused.jsonPath().getString("requestId")).isEqualTo(ids.get(0));
    }

    @Test
    void theBearerSchemeIsReadInAnyCaseAndAnotherSchemeIsAnonymous() {
        String bearer = token(newUser("scheme"), "user");
        get("/api/v1/me/profile", "bearer " + bearer).then().statusCode(not(equalTo(401)));
        get("/api/v1/me/profile", "BEARER " + bearer).then().statusCode(not(equalTo(401)));
        // not a bearer token: nobody signed in, which a public route allows and a personal one does not
        get("/api/v1/exercises?size=1", "Basic dXNlcjpwdw==").then().statusCode(200);
        get("/api/v1/me/profile", "Basic dXNlcjpwdw==").then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void malformedBearerValuesAre401NeverA5xx() {
        for (String value : List.of("Bearer a", "Bearer a.b", "Bearer a.b.c.d", "Bearer ..", "Bearer  a.b.c",
                "Bearer " + "x".repeat(8_000), "Bearer \u00e9.\u00e8.\u00ea")) {
            get("/api/v1/me/profile", value).then().statusCode(401).contentType(PROBLEM_JSON);
            get("/api/v1/exercises?size=1", value).then().statusCode(401).contentType(PROBLEM_JSON);
        }
        // "Bearer " arrives as "Bearer" (HTTP trims the value): no token at all, as SmallRye reads it
        get("/api/v1/exercises?size=1", "Bearer ").then().statusCode(200);
        get("/api/v1/me/profile", "Bearer ").then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void theComposedDashboardAuthenticatesThroughQuarkusWithTheSameVerdicts() {
        get("/api/v1/me/dashboard", "Bearer abc.def.ghi").then().statusCode(401).contentType(PROBLEM_JSON);
        String bearer = token(newUser("dashboard"), "user");
        get("/api/v1/me/dashboard", "bearer " + bearer).then().statusCode(not(equalTo(401)));
        get("/api/v1/me/dashboard", "Basic dXNlcjpwdw==").then().statusCode(401).contentType(PROBLEM_JSON);
    }
}
