package org.backrelief.gateway.backend;

import io.vertx.core.MultiMap;

/**
 * What a backend answered, as far as the {@link Guard} needs to know: the status (5xx is a failure) and the headers.
 * Either read whole ({@link BackendAnswer}, for the composed routes) or still streaming ({@link StreamedAnswer}, for
 * the relay).
 */
public interface Answer {

    int status();

    MultiMap headers();

    default String header(String name) {
        return headers().get(name);
    }

    /** The answer is not used (a 5xx to retry, a late answer): whatever is still coming is thrown away. */
    void discard();
}
