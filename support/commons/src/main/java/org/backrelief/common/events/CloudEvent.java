package org.backrelief.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode: the whole event, data included, is the Kafka record value.
 *
 * @param type versioned event type, e.g. {@link EventTypes#SESSION_COMPLETED_V1}
 * @param subject the user (or exercise) the event is about; also the Kafka record key
 */
public record CloudEvent<T>(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    public static <T> CloudEvent<T> of(String id, String source, String type, String subject, Instant time, T data) {
        return new CloudEvent<>(SPEC_VERSION, id, source, type, subject, time, "application/json", data);
    }

    public static <T> CloudEvent<T> create(String source, String type, String subject, T data) {
        return of(UUID.randomUUID().toString(), source, type, subject, Instant.now(), data);
    }
}
