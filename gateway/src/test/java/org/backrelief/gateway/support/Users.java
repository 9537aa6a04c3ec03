package org.backrelief.gateway.support;

import static org.backrelief.gateway.support.Api.asUser;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.http.ContentType;

/** Puts a user into a known state through the gateway, as a front-end would. */
public final class Users {

    private Users() {
    }

    /** Profile and a program: the user has a next session. */
    public static void onboard(String user) {
        asUser(user).contentType(ContentType.JSON).body(Bodies.profile()).put("/api/v1/me/profile")
                .then().statusCode(both(greaterThanOrEqualTo(200)).and(lessThan(300)));
        asUser(user).contentType(ContentType.JSON).body(Bodies.newPlan()).post("/api/v1/me/plans")
                .then().statusCode(both(greaterThanOrEqualTo(200)).and(lessThan(300)));
    }

    public static JsonNode nextSession(String user) {
        String body = asUser(user).get("/api/v1/me/sessions/next").then().statusCode(200).extract().asString();
        return Bodies.json(body);
    }

    /** Completes the user's next session with everything done; returns that session. */
    public static JsonNode completeNextSession(String user) {
        JsonNode session = nextSession(user);
        asUser(user).contentType(ContentType.JSON).body(Bodies.completion(session))
                .post("/api/v1/me/sessions/" + session.path("sessionId").asText() + "/completion")
                .then().statusCode(both(greaterThanOrEqualTo(200)).and(lessThan(300)));
        return session;
    }
}
