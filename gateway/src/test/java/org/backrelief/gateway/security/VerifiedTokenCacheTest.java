package org.backrelief.gateway.security;

import static io.restassured.RestAssured.given;
import static org.backrelief.gateway.support.Api.PROBLEM_JSON;
import static org.backrelief.gateway.support.Api.newUser;
import static org.backrelief.gateway.support.Api.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.Set;

import org.backrelief.infra.LocalJwtKeys;
import org.backrelief.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The gateway remembers verified tokens: a remembered token still carries exactly its own roles, and nothing that is
 * not byte-for-byte that token gets in on its strength.
 */
@QuarkusTest
class VerifiedTokenCacheTest {

    private static void profileAnswers(String bearer, int status) {
        given().accept(ContentType.JSON).auth().oauth2(bearer).get("/api/v1/me/profile").then().statusCode(status);
    }

    @Test
    void aRememberedTokenKeepsItsRolesAndNothingElse() {
        String user = newUser("cached");
        String bearer = token(user, "user");
        for (int i = 0; i < 3; i++) {
            given().accept(ContentType.JSON).auth().oauth2(bearer).get("/api/v1/me/profile")
                    .then().statusCode(not(equalTo(401)));
        }
        // remembered, but still only a user: editor routes stay closed
        given().accept(ContentType.JSON).auth().oauth2(bearer).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/exercises").then().statusCode(403);
    }

    @Test
    void aTamperedCopyOfARememberedTokenIsRefused() {
        String bearer = token(newUser("tamper"), "user");
        given().accept(ContentType.JSON).auth().oauth2(bearer).get("/api/v1/me/profile").then().statusCode(not(equalTo(401)));

        // a character inside the signature: the last one may carry only padding bits and decode to the same bytes
        int at = bearer.length() - 10;
        char original = bearer.charAt(at);
        String otherSignature = bearer.substring(0, at) + (original == 'A' ? 'B' : 'A') + bearer.substring(at + 1);
        given().accept(ContentType.JSON).auth().oauth2(otherSignature).get("/api/v1/me/profile")
                .then().statusCode(401).contentType(PROBLEM_JSON);

        String[] parts = bearer.split("\\.");
        String forgedClaims = parts[0] + "." + parts[1] + "x." + parts[2];
        profileAnswers(forgedClaims, 401);
    }

    @Test
    void anExpiredTokenIsRefused() {
        LocalJwtKeys keys = LocalJwtKeys.in(TestInfrastructure.get().jwtPublicKey().getParent());
        String expired = keys.mint(TestInfrastructure.get().issuer(), newUser("expired"), Set.of("user"),
                Duration.ofMinutes(-10));
        profileAnswers(expired, 401);
        profileAnswers(expired, 401);
    }
}
