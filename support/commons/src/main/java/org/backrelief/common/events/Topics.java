package org.backrelief.common.events;

/** Kafka topic names; each service may override them in configuration. */
public final class Topics {

    /** Session completions and pain check-ins, keyed by user id: the source of truth for history. */
    public static final String ACTIVITY = "backrelief.activity";
    /** Activity records the tracker could not accept, with the reason in headers. */
    public static final String ACTIVITY_DLQ = "backrelief.activity.dlq";
    /** Catalog changes, keyed by exercise id. */
    public static final String CATALOG_CHANGES = "backrelief.catalog.changes";

    private Topics() {
    }
}
