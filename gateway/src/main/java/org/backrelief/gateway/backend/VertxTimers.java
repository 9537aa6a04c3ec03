package org.backrelief.gateway.backend;

import io.vertx.core.Vertx;

/** {@link Timers} on Vert.x: a timer set on the event loop fires on the same event loop. */
public record VertxTimers(Vertx vertx) implements Timers {

    @Override
    public long schedule(long delayMillis, Runnable task) {
        return vertx.setTimer(Math.max(1, delayMillis), id -> task.run());
    }

    @Override
    public void cancel(long id) {
        vertx.cancelTimer(id);
    }
}
