package org.backrelief.gateway.dashboard;

import com.fasterxml.jackson.databind.JsonNode;

import org.backrelief.gateway.backend.Backend;

/**
 * What one backend call of the dashboard brought back: an answer (status and JSON body, null if the body was not
 * JSON) or the reason there was none.
 */
public record Fetched(Backend backend, int status, JsonNode body, String failure) {

    public static Fetched answer(Backend backend, int status, JsonNode body) {
        return new Fetched(backend, status, body, null);
    }

    public static Fetched failed(Backend backend, String reason) {
        return new Fetched(backend, 0, null, reason);
    }

    public boolean ok() {
        return failure == null && status >= 200 && status < 300 && body != null;
    }
}
