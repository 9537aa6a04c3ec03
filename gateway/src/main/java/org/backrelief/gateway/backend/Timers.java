package org.backrelief.gateway.backend;

/** One-shot timers (Vert.x timers in production: they fire on the event loop, nothing blocks). */
public interface Timers {

    /** Runs {@code task} once after {@code delayMillis}; returns an id for {@link #cancel(long)}. */
    long schedule(long delayMillis, Runnable task);

    void cancel(long id);
}
