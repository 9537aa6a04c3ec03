package org.backrelief.catalog.exercise;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.backrelief.catalog.readmodel.CatalogSnapshot;

/**
 * Builds read responses from the read model's pre-serialized JSON with an ETag, or a 304 when the client's
 * {@code If-None-Match} still matches.
 */
@ApplicationScoped
public class ConditionalResponses {

    /** Clients may cache, but must revalidate (cheap thanks to the ETag). */
    static final String CACHE_CONTROL = "no-cache";

    /** A list: its weak ETag is a hash of exactly the JSON sent. */
    public Response page(CatalogSnapshot.Page page, String ifNoneMatch) {
        return conditional(page.json(), page.etag(), ifNoneMatch);
    }

    /** One exercise: its strong ETag comes from id and version. */
    public Response exercise(CatalogSnapshot.Item item, String ifNoneMatch) {
        return conditional(item.json(), item.etag(), ifNoneMatch);
    }

    private static Response conditional(byte[] json, String tag, String ifNoneMatch) {
        if (EntityTags.matchesNoneMatch(ifNoneMatch, tag)) {
            return Response.notModified().header(HttpHeaders.ETAG, tag)
                    .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
        }
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, tag)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
    }
}
