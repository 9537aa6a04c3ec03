package org.backrelief.gateway.backend;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/** What a backend answered: status, headers (case-insensitive) and the body as it came (empty if none). */
public record BackendAnswer(int status, MultiMap headers, Buffer body) {

    public String header(String name) {
        return headers.get(name);
    }

    public boolean hasBody() {
        return body != null && body.length() > 0;
    }
}
