package org.backrelief.gateway.web;

import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The web client (module web-client, served from its jar's META-INF/resources) on the gateway's own origin:
 * <ul>
 * <li>{@code GET /config.json} tells the client where the OpenID Connect provider is ({@code WEB_OIDC_AUTHORITY},
 * {@code WEB_OIDC_CLIENT_ID}); without an authority configured the bundle's own config.json is served;</li>
 * <li>every page and asset (not /api, not /q) gets a strict Content-Security-Policy: scripts, styles, images and
 * workers only from this origin (no inline script), requests only to this origin and the OIDC provider, no
 * framing, no plugins;</li>
 * <li>hashed assets are cached for a year, everything else is revalidated.</li>
 * </ul>
 */
@ApplicationScoped
public class WebClientRoutes {

    /** After the body limit (-3), before the static files. */
    static final int ORDER = -1;

    private final Optional<String> authority;
    private final String clientId;
    private final String policy;
    private final ObjectMapper mapper;

    @Inject
    public WebClientRoutes(ObjectMapper mapper, WebClientConfig config) {
        this.mapper = mapper;
        this.authority = config.oidc().authority().map(String::trim).filter(a -> !a.isEmpty());
        this.clientId = config.oidc().clientId();
        this.policy = contentSecurityPolicy(this.authority.map(WebClientRoutes::origin));
    }

    static String contentSecurityPolicy(Optional<String> providerOrigin) {
        String connect = "'self'" + providerOrigin.map(o -> " " + o).orElse("");
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
                + "connect-src " + connect + "; manifest-src 'self'; worker-src 'self'; form-action 'self'; "
                + "base-uri 'none'; object-src 'none'; frame-ancestors 'none'";
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::headers);
        router.route(HttpMethod.GET, "/config.json").order(ORDER).handler(this::config);
    }

    void headers(RoutingContext context) {
        String path = context.normalizedPath();
        if (!path.startsWith("/api/") && !path.startsWith("/q/")) {
            boolean immutable = path.startsWith("/assets/");
            context.addHeadersEndHandler(v -> {
                context.response().headers()
                        .set("Content-Security-Policy", policy)
                        .set(HttpHeaders.CACHE_CONTROL, immutable ? "public, max-age=31536000, immutable" : "no-cache");
            });
        }
        context.next();
    }

    void config(RoutingContext context) {
        if (authority.isEmpty()) {
            context.next();
            return;
        }
        record Oidc(String authority, String clientId, String scope) {
        }
        record WebConfig(String apiBase, Oidc oidc) {
        }
        try {
            context.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(mapper.writeValueAsString(new WebConfig("", new Oidc(authority.get(), clientId, "openid"))));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
