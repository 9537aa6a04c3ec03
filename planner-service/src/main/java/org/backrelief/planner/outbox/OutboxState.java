package org.backrelief.planner.outbox;

/** Where an outbox entry stands: written with the state change it reports, published once Kafka acknowledged it. */
public enum OutboxState {
    /** Stored, not acknowledged by Kafka yet: the relay sends it (again after a failed attempt). */
    PENDING,
    /** Kafka acknowledged it; never sent again by the relay. */
    PUBLISHED
}
