package org.backrelief.planner.catalog;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * The next event-driven reload, shared by everyone who asks for one before it starts: it starts at the earliest time
 * asked for (a Mutiny timer), runs on a worker thread, and once it has started a new request queues the next one (a
 * reload under way may have begun before the write the requester is waiting for).
 */
final class NextReload implements CatalogCatchUp.Reloads {

    private final Supplier<CatalogSnapshot> load;
    private final ScheduledExecutorService timers;
    private final Executor worker;
    private Queued queued;
    private boolean stopped;

    private static final class Queued {
        final CompletableFuture<CatalogSnapshot> result = new CompletableFuture<>();
        long dueNanos;
        Cancellable timer;
    }

    NextReload(Supplier<CatalogSnapshot> load, ScheduledExecutorService timers, Executor worker) {
        this.load = load;
        this.timers = timers;
        this.worker = worker;
    }

    @Override
    public Uni<CatalogSnapshot> startingIn(Duration delay) {
        // a copy per caller: one caller cancelling (a newer event replaced its change) leaves the others' reload alone
        return Uni.createFrom().completionStage(() -> enqueue(delay).copy());
    }

    synchronized void stop() {
        stopped = true;
        if (queued != null) {
            queued.timer.cancel();
            queued.result.cancel(false);
            queued = null;
        }
    }

    private synchronized CompletableFuture<CatalogSnapshot> enqueue(Duration delay) {
        if (stopped) {
            return CompletableFuture.failedFuture(new IllegalStateException("the catalog cache has stopped"));
        }
        Duration wait = delay.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : delay;
        long due = System.nanoTime() + wait.toNanos();
        if (queued == null) {
            queued = new Queued();
            startAt(queued, due, wait);
        } else if (due - queued.dueNanos < 0) {
            queued.timer.cancel(); // asked for sooner: the one reload moves up
            startAt(queued, due, wait);
        }
        return queued.result;
    }

    private void startAt(Queued reload, long due, Duration wait) {
        reload.dueNanos = due;
        reload.timer = Uni.createFrom().voidItem().onItem().delayIt().onExecutor(timers).by(wait)
                .subscribe().with(ignored -> worker.execute(() -> run(reload)));
    }

    private void run(Queued reload) {
        synchronized (this) {
            if (queued != reload) {
                return; // already started by an earlier timer of the same reload, or stopped
            }
            queued = null; // from here on a request queues the next reload
        }
        try {
            reload.result.complete(load.get());
        } catch (RuntimeException e) {
            reload.result.completeExceptionally(e);
        }
    }
}
