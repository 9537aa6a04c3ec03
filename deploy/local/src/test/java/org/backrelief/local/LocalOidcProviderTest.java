package org.backrelief.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.backrelief.infra.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local stack's OIDC provider: tokens the services accept (issuer, groups), JWKS, a sign-in page. */
class LocalOidcProviderTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static int port;
    private static LocalOidcProvider provider;

    @BeforeAll
    static void start() {
        port = FreePorts.find("127.0.0.1");
        provider = LocalOidcProvider.start("127.0.0.1", port);
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    @Test
    void cliTokensCarryTheUserAsSubjectAndTheRolesAsGroupsFromTheOneIssuer() {
        String claims = payload(LocalOidcProvider.mint(port, "erin", Set.of("user", "editor")));
        assertThat(claims).contains("\"sub\":\"erin\"", "\"iss\":\"http://localhost:" + port + "/backrelief\"")
                .contains("\"groups\":[").contains("\"editor\"").contains("\"user\"");
        assertThat(payload(LocalOidcProvider.mint(port, "alice", Set.of("user")))).contains("\"groups\":[\"user\"]");
    }

    @Test
    void servicesFindTheKeysAndBrowsersFindTheSignInPage() throws Exception {
        HttpResponse<String> jwks = get(provider.jwksUrl());
        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(jwks.body().replace(" ", "")).contains("\"keys\"", "\"kty\":\"RSA\"", "\"alg\":\"RS256\"");
        HttpResponse<String> discovery = get(provider.issuer() + "/.well-known/openid-configuration");
        assertThat(discovery.body().replace(" ", "")).contains("\"code_challenge_methods_supported\"", "S256", "/backrelief/authorize");
        HttpResponse<String> login = get(provider.issuer() + "/authorize?client_id=backrelief-web&response_type=code"
                + "&redirect_uri=http%3A%2F%2Flocalhost%2F&scope=openid&state=s&code_challenge=abc&code_challenge_method=S256");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("name=\"username\"", "name=\"claims\"");
        assertThat(provider.serviceEnvironment()).containsEntry("JWT_ISSUER", provider.issuer())
                .containsEntry("JWT_PUBLIC_KEY_LOCATION", provider.jwksUrl())
                .containsEntry("WEB_OIDC_AUTHORITY", provider.issuer());
    }

    @Test
    void tokensLiveAsLongAsTheSettingsSay() {
        int other = FreePorts.find("127.0.0.1");
        try (LocalOidcProvider shortLived = LocalOidcProvider.start("127.0.0.1", other, StackSettings.tokenLifetime("90"))) {
            String claims = payload(LocalOidcProvider.mint(other, "alice", Set.of("user")));
            assertThat(claim(claims, "exp") - claim(claims, "iat")).isEqualTo(90);
        }
        // one token: two mints may straddle a second boundary
        String defaultClaims = payload(LocalOidcProvider.mint(port, "alice", Set.of("user")));
        assertThat(claim(defaultClaims, "exp") - claim(defaultClaims, "iat")).isEqualTo(12 * 3600);
        assertThat(StackSettings.tokenLifetime(" ")).isEqualTo(LocalOidcProvider.DEFAULT_TOKEN_LIFETIME);
        assertThatThrownBy(() -> StackSettings.tokenLifetime("5")).isInstanceOf(StackException.class)
                .hasMessageContaining("BACKRELIEF_OIDC_TOKEN_SECONDS");
    }

    @Test
    void mintingWithoutARunningProviderSaysToStartTheStack() {
        int nobody = FreePorts.find("127.0.0.1");
        assertThatThrownBy(() -> LocalOidcProvider.mint(nobody, "alice", Set.of("user")))
                .isInstanceOf(StackException.class).hasMessageContaining("start the stack first");
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long claim(String claims, String name) {
        Matcher value = Pattern.compile("\"" + name + "\":(\\d+)").matcher(claims);
        assertThat(value.find()).as(name + " in " + claims).isTrue();
        return Long.parseLong(value.group(1));
    }

    private static String payload(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
