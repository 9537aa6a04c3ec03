package org.backrelief.testing;

import static io.restassured.RestAssured.given;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.specification.RequestSpecification;

/**
 * Requests to the app's management interface ({@code /q/health/*}, {@code /q/metrics}), which listens on its own port:
 * {@link InfrastructureResource} gives it a free one.
 */
public final class Management {

    public static final String TEST_PORT_PROPERTY = "quarkus.management.test-port";

    private Management() {
    }

    public static int port() {
        return ConfigProvider.getConfig().getValue(TEST_PORT_PROPERTY, Integer.class);
    }

    /** A request to the management interface of the app under test, e.g. {@code management().get("/q/health/ready")}. */
    public static RequestSpecification management() {
        return given().baseUri("http://localhost").port(port());
    }
}
