package org.backrelief.planner.outbox;

import com.mongodb.client.MongoCollection;

/**
 * A collection whose documents carry an {@link OutboxEntry} in field {@value #FIELD} (and a {@code createdAt}): the
 * relay publishes the pending ones, oldest first across all sources. A repository implements it to join the outbox.
 */
public interface OutboxSource {

    String FIELD = "outbox";
    String STATE = FIELD + ".state";

    MongoCollection<?> outboxCollection();

    /** The CloudEvent type of the events its documents report (read when older documents are converted). */
    String outboxEventType();
}
