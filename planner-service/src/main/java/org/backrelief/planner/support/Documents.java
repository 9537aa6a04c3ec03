package org.backrelief.planner.support;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Nested data (routines, event payloads, adjustments) is stored exactly as the API shows it: converted by the app's
 * Jackson mapper into a plain document, and back. One mapping for the wire and the database, no second codec.
 */
@ApplicationScoped
public class Documents {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    public Documents(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Document toDocument(Object value) {
        return new Document(mapper.convertValue(value, MAP));
    }

    public <T> T fromDocument(Document document, Class<T> type) {
        return mapper.convertValue(document, type);
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
