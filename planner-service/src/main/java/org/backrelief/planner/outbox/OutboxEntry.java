package org.backrelief.planner.outbox;

import java.time.Instant;

import org.bson.Document;

/**
 * The outbox record of one event, for any event type. It is embedded (field {@code outbox}) in the document whose
 * write it reports, so the state change and its event are stored by one atomic insert; the relay finds it by
 * {@code outbox.state} in every {@link OutboxSource} collection and sends it to {@code backrelief.activity}.
 */
public class OutboxEntry {

    /** The CloudEvent id (consumers de-duplicate by it). */
    public String eventId;
    /** The CloudEvent type, e.g. {@code EventTypes.SESSION_COMPLETED_V1}; tells {@link EventFactory} the data class. */
    public String eventType;
    /** The Kafka key and CloudEvent subject: the user, so a person's events keep their order. */
    public String key;
    /** The CloudEvent time. */
    public Instant occurredAt;
    /** The event's payload as a document. */
    public Document data;
    public OutboxState state;
    /** Sends not acknowledged so far. */
    public int attempts;
    public Instant publishedAt;

    public static OutboxEntry pending(String eventId, String eventType, String key, Instant occurredAt, Document data) {
        OutboxEntry entry = new OutboxEntry();
        entry.eventId = eventId;
        entry.eventType = eventType;
        entry.key = key;
        entry.occurredAt = occurredAt;
        entry.data = data;
        entry.state = OutboxState.PENDING;
        return entry;
    }
}
