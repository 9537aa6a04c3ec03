package org.backrelief.gateway.web;

import java.util.Optional;

/** Test access to the package-private policy builder. */
public final class WebClientRoutesAccess {

    private WebClientRoutesAccess() {
    }

    public static String policy(String authority) {
        return WebClientRoutes.contentSecurityPolicy(Optional.of(WebClientRoutes.origin(authority)));
    }

    public static String origin(String url) {
        return WebClientRoutes.origin(url);
    }
}
