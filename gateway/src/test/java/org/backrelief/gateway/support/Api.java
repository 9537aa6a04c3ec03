package org.backrelief.gateway.support;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import org.backrelief.gateway.contract.ContractFilter;
import org.backrelief.testing.TestInfrastructure;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Small helpers for calling the gateway as someone. */
public final class Api {

    public static final String PROBLEM_JSON = "application/problem+json";

    static {
        // a failed expectation shows the whole exchange: with a relay, the body says which service said what
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        // every answer a test receives must match the published contract (status, content type, body, headers)
        ContractFilter.install();
    }

    private Api() {
    }

    /** A fresh user id, so tests never share data (or rate-limit buckets). */
    public static String newUser(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String token(String subject, String... roles) {
        return TestInfrastructure.get().token(subject, roles);
    }

    public static RequestSpecification anonymous() {
        return given().accept(ContentType.JSON);
    }

    public static RequestSpecification as(String subject, String... roles) {
        return given().accept(ContentType.JSON).auth().oauth2(token(subject, roles));
    }

    public static RequestSpecification asUser(String subject) {
        return as(subject, "user");
    }
}
