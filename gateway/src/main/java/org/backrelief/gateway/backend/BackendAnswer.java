package org.backrelief.gateway.backend;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/** What a backend answered, read whole: status, headers (case-insensitive) and the body as it came (empty if none). */
public record BackendAnswer(int status, MultiMap headers, Buffer body) implements Answer {

    public boolean hasBody() {
        return body != null && body.length() > 0;
    }

    @Override
    public void discard() {
        // already read: nothing left to throw away
    }
}
