package org.backrelief.gateway.web;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the web client signs in ({@code WEB_OIDC_AUTHORITY}, {@code WEB_OIDC_CLIENT_ID}), served as /config.json. */
@ConfigMapping(prefix = "backrelief.web")
public interface WebClientConfig {

    Oidc oidc();

    interface Oidc {

        /** The OpenID Connect provider's issuer URL; empty serves the bundle's own config.json. */
        Optional<String> authority();

        /** The public client the web client signs in as (authorization code with PKCE). */
        @WithDefault("backrelief-web")
        String clientId();
    }
}
