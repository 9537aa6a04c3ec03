package org.backrelief.bench.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Lenient reading of service responses: the benchmark needs a few fields, not the whole contract. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? MissingNode.getInstance() : MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    /** The first text value under any of {@code names}, searched depth-first; null if none. */
    public static String findText(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode found = node.findValue(name);
            if (found != null && found.isValueNode() && !found.isNull()) {
                return found.asText();
            }
        }
        return null;
    }

    /** {@code total} of a page ({@code {items, page, size, total}}), or the number of items; -1 if neither. */
    public static long pageTotal(String body) {
        JsonNode page = parse(body);
        if (page.path("total").isNumber()) {
            return page.path("total").asLong();
        }
        if (page.path("items").isArray()) {
            return page.path("items").size();
        }
        if (page.isArray()) {
            return page.size();
        }
        return -1;
    }
}
