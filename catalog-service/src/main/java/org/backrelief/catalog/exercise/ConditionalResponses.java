package org.backrelief.catalog.exercise;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Builds read responses with an ETag, or a 304 when the client's {@code If-None-Match} still matches. */
@ApplicationScoped
public class ConditionalResponses {

    /** Clients may cache, but must revalidate (cheap thanks to the ETag). */
    static final String CACHE_CONTROL = "no-cache";

    private final ObjectMapper mapper;

    public ConditionalResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A list: its weak ETag is a hash of exactly the JSON sent. */
    public Response page(ExercisePage page, String ifNoneMatch) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(page);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An exercise page is always serializable", e);
        }
        String tag = EntityTags.ofContent(json);
        if (EntityTags.matchesNoneMatch(ifNoneMatch, tag)) {
            return notModified(tag);
        }
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, tag)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
    }

    /** One exercise: its strong ETag comes from id and version. */
    public Response exercise(Exercise exercise, String ifNoneMatch) {
        String tag = EntityTags.ofExercise(exercise.id(), exercise.version());
        if (EntityTags.matchesNoneMatch(ifNoneMatch, tag)) {
            return notModified(tag);
        }
        return Response.ok(exercise).header(HttpHeaders.ETAG, tag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .build();
    }

    private static Response notModified(String tag) {
        return Response.notModified().header(HttpHeaders.ETAG, tag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .build();
    }
}
