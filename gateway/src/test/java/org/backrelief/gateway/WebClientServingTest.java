package org.backrelief.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.backrelief.gateway.support.BackendServicesResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The gateway serves the web client (module web-client) at / with a strict Content-Security-Policy. */
@QuarkusTest
@QuarkusTestResource(BackendServicesResource.class)
class WebClientServingTest {

    @Test
    void theWebClientIsServedAtTheRootWithAStrictPolicyAndNoInlineScript() {
        String html = given().get("/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("Cache-Control", "no-cache")
                .extract().asString();
        assertTrue(html.contains("<div id=\"app\">"), html);
        assertTrue(!Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(html).find(), "no inline script");
    }

    @Test
    void hashedAssetsAreCachedForAYearAndTheShellHasItsConfig() {
        String html = given().get("/index.html").then().statusCode(200).extract().asString();
        Matcher script = Pattern.compile("src=\"\\./(assets/[^\"]+\\.js)\"").matcher(html);
        assertTrue(script.find(), html);
        given().get("/" + script.group(1)).then().statusCode(200)
                .header("Cache-Control", "public, max-age=31536000, immutable");
        given().get("/config.json").then().statusCode(200).body("oidc.clientId", equalTo("backrelief-web"));
        given().get("/sw.js").then().statusCode(200).body(containsString(script.group(1)));
    }

    @Test
    void theApiKeepsItsOwnErrorsAndHeaders() {
        given().get("/api/v1/no-such-thing").then().statusCode(404)
                .header("Content-Security-Policy", "frame-ancestors 'none'");
    }

    @Test
    void thePolicyLetsTheClientTalkToItsSignInProviderOnly() {
        String policy = org.backrelief.gateway.web.WebClientRoutesAccess.policy("http://localhost:8090/backrelief");
        assertTrue(policy.contains("connect-src 'self' http://localhost:8090;"), policy);
        assertEquals("https://id.example.org", org.backrelief.gateway.web.WebClientRoutesAccess.origin("https://id.example.org/realms/x"));
    }
}
