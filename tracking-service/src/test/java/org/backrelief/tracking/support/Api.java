package org.backrelief.tracking.support;

import static io.restassured.RestAssured.given;

import org.backrelief.common.domain.Roles;
import org.backrelief.testing.TestInfrastructure;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** REST calls as a given person. */
public final class Api {

    public static final String ADMIN = "admin-" + Activity.newId();

    private Api() {
    }

    public static RequestSpecification as(String subject, String... roles) {
        return given().auth().oauth2(TestInfrastructure.get().token(subject, roles));
    }

    public static RequestSpecification asUser(String userId) {
        return as(userId, Roles.USER);
    }

    public static RequestSpecification asAdmin() {
        return as(ADMIN, Roles.ADMIN);
    }

    /** Total sessions in the history, or -1 while the service cannot answer (e.g. its database is down). */
    public static long historyTotal(String userId) {
        Response response = asUser(userId).get("/api/v1/users/{userId}/history?size=1", userId);
        return response.statusCode() == 200 ? response.jsonPath().getLong("total") : -1;
    }

    public static JsonPath stats(String userId) {
        return asUser(userId).get("/api/v1/users/{userId}/stats", userId).then().statusCode(200).extract().jsonPath();
    }

    public static String body(String path, String userId) {
        return asUser(userId).get(path, userId).then().statusCode(200).extract().asString();
    }
}
