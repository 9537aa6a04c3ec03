package org.backrelief.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

/**
 * The local stack's OpenID Connect provider: navikt's mock-oauth2-server in the launcher JVM, issuer
 * {@code http://localhost:<port>/backrelief}. Its sign-in page accepts any user name (the token's {@code sub}); the
 * optional claims box chooses roles, e.g. {@code {"groups":["user","editor"]}} (default {@code ["user"]}). The
 * services verify its tokens through its JWKS. {@code ./run.sh token <user> [role...]} gets a token from its token
 * endpoint (client credentials with the user as client id and the roles as scope), so every token has one issuer.
 */
final class LocalOidcProvider implements AutoCloseable {

    static final String ISSUER_ID = "backrelief";
    static final Set<String> ROLES = Set.of("user", "editor", "admin");
    static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(12);

    private final MockOAuth2Server server;
    private final int port;

    private LocalOidcProvider(MockOAuth2Server server, int port) {
        this.server = server;
        this.port = port;
    }

    static LocalOidcProvider start(String bindHost, int port) {
        return start(bindHost, port, DEFAULT_TOKEN_LIFETIME);
    }

    /** {@code tokenLifetime}: how long access and ID tokens live (BACKRELIEF_OIDC_TOKEN_SECONDS). */
    static LocalOidcProvider start(String bindHost, int port, Duration tokenLifetime) {
        OAuth2Config config = new OAuth2Config(true, null, null, false, new OAuth2TokenProvider(),
                Set.of(new RolesTokenCallback(tokenLifetime)));
        MockOAuth2Server server = new MockOAuth2Server(config);
        try {
            server.start(InetAddress.getByName(bindHost), port);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the OIDC provider on port " + port + ": " + e.getMessage(), e);
        }
        return new LocalOidcProvider(server, port);
    }

    /** What browsers and tokens call the issuer (the same host name everywhere: tokens carry it in iss). */
    static String issuer(int port) {
        return "http://localhost:" + port + "/" + ISSUER_ID;
    }

    String issuer() {
        return issuer(port);
    }

    /** Where the services fetch the signing keys. */
    String jwksUrl() {
        return issuer() + "/jwks";
    }

    /** Environment for every service (verification) and the gateway (the web client's sign-in). */
    Map<String, String> serviceEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JWT_PUBLIC_KEY_LOCATION", jwksUrl());
        env.put("JWT_ISSUER", issuer());
        env.put("WEB_OIDC_AUTHORITY", issuer());
        env.put("WEB_OIDC_CLIENT_ID", "backrelief-web");
        return env;
    }

    @Override
    public void close() {
        server.shutdown();
    }

    /** A token for {@code user} with {@code roles} from the running provider's token endpoint. */
    static String mint(int port, String user, Set<String> roles) {
        String form = "grant_type=client_credentials&client_id=" + enc(user) + "&client_secret=local&scope="
                + enc(String.join(" ", roles));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer(port) + "/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new StackException("The OIDC provider refused the token request (" + response.statusCode() + "): "
                        + response.body(), 1);
            }
            return token.group(1);
        } catch (IOException e) {
            throw new StackException("No OIDC provider answers on port " + port
                    + "; start the stack first (./run.sh), or set BACKRELIEF_OIDC_PORT to the port it uses", 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted", 1);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * Claims of every token: {@code groups} (what the services read as roles, see commons) from the requested scope
     * when it names roles (CLI tokens), else {@code ["user"]}; the sign-in page's claims box can replace it.
     */
    static final class RolesTokenCallback implements OAuth2TokenCallback {

        private final Duration tokenLifetime;

        RolesTokenCallback(Duration tokenLifetime) {
            this.tokenLifetime = tokenLifetime;
        }

        @Override
        public String issuerId() {
            return ISSUER_ID;
        }

        @Override
        public String subject(TokenRequest request) {
            if (GrantType.CLIENT_CREDENTIALS.equals(request.getAuthorizationGrant().getType())) {
                if (request.getClientAuthentication() != null) {
                    return request.getClientAuthentication().getClientID().getValue();
                }
                if (request.getClientID() != null) {
                    return request.getClientID().getValue();
                }
            }
            return "anonymous";
        }

        @Override
        public String typeHeader(TokenRequest request) {
            return "JWT";
        }

        @Override
        public List<String> audience(TokenRequest request) {
            return List.of("backrelief");
        }

        @Override
        public Map<String, Object> addClaims(TokenRequest request) {
            Set<String> roles = new LinkedHashSet<>();
            Scope scope = request.getScope();
            if (scope != null) {
                scope.toStringList().stream().filter(ROLES::contains).forEach(roles::add);
            }
            if (roles.isEmpty()) {
                roles.add("user");
            }
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("groups", new ArrayList<>(roles));
            return claims;
        }

        @Override
        public long tokenExpiry() {
            return tokenLifetime.toSeconds();
        }
    }
}
