package org.backrelief.gateway.backend;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientResponse;

/**
 * A backend's answer whose status and headers have arrived and whose body is still to come: the relay pipes it to the
 * client chunk by chunk, so no body is ever held whole in the gateway. The response is paused until its reader sets
 * its handlers and resumes it (or discards it).
 */
public record StreamedAnswer(HttpClientResponse response) implements Answer {

    @Override
    public int status() {
        return response.statusCode();
    }

    @Override
    public MultiMap headers() {
        return response.headers();
    }

    /** With no data handler the client drops the chunks; the connection goes back to the pool when the body ends. */
    @Override
    public void discard() {
        response.handler(null);
        response.endHandler(null);
        response.exceptionHandler(null);
        response.resume();
    }
}
