package org.backrelief.planner.outbox;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.backrelief.common.events.CloudEvent;
import org.backrelief.common.events.EventTypes;
import org.backrelief.common.events.PainCheckInV1;
import org.backrelief.common.events.SessionCompletedV1;
import org.backrelief.planner.support.Documents;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Turns stored outbox entries into the CloudEvents JSON published on {@code backrelief.activity}. */
@ApplicationScoped
public class EventFactory {

    /** The data class of every event type the planner publishes. */
    private static final Map<String, Class<?>> DATA_TYPES = Map.of(
            EventTypes.SESSION_COMPLETED_V1, SessionCompletedV1.class,
            EventTypes.PAIN_CHECKIN_V1, PainCheckInV1.class);

    private final Documents documents;
    private final String source;

    public EventFactory(Documents documents, OutboxConfig config) {
        this.documents = documents;
        this.source = config.eventSource();
    }

    /** The CloudEvent JSON of an outbox entry; its type names the data class. */
    public String event(OutboxEntry entry) {
        Class<?> dataType = DATA_TYPES.get(entry.eventType);
        if (dataType == null) {
            throw new IllegalStateException("No data class for event type " + entry.eventType);
        }
        Object data = documents.fromDocument(entry.data, dataType);
        return json(CloudEvent.of(entry.eventId, source, entry.eventType, entry.key, entry.occurredAt, data));
    }

    private String json(CloudEvent<?> event) {
        try {
            return documents.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise event " + event.id(), e);
        }
    }
}
