package org.backrelief.planner.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * Follows each exercise-changed event until a reloaded snapshot shows it. A catalog-service replica serves another
 * replica's write only about a second later, so the reload right after an event may not show it yet:
 * <ul>
 * <li>the first reload starts {@code firstDelay} after the event (a burst of events shares it);</li>
 * <li>while a reload does not show the change, reload again with Mutiny's exponential backoff (doubling from
 * {@code staleRetry.initialDelay()} up to {@code staleRetry.maxDelay()}, no jitter), at most
 * {@code staleRetry.maxRetries()} times, then give up (the periodic refresh or the next event takes over);</li>
 * <li>a reload that fails (catalog unreachable) is retried every {@code retryDelay} without using up those retries;</li>
 * <li>several events for one exercise follow only the newest; an older or duplicate event changes nothing.</li>
 * </ul>
 * Each change counts only the reloads it asked for, and {@link Reloads} never hands it a reload already under way (it
 * may have begun before the write). Plain bookkeeping plus Mutiny; no I/O of its own, safe on the Kafka thread.
 */
final class CatalogCatchUp {

    /** The retries while a reload does not show a change yet. */
    record StaleRetry(Duration initialDelay, Duration maxDelay, int maxRetries) {
    }

    /** The source of reloads: one that starts {@code delay} from now or later, never one already under way. */
    @FunctionalInterface
    interface Reloads {
        Uni<CatalogSnapshot> startingIn(Duration delay);
    }

    /** Told when a change is still not shown after its last retry, with how many reloads did not show it. */
    @FunctionalInterface
    interface GivingUp {
        void gaveUp(CatalogChange change, int reloads);
    }

    /** A reload that does not show the change yet. */
    static final class NotShownYet extends RuntimeException {
        NotShownYet() {
            super(null, null, false, false);
        }
    }

    private static final String ANY_RELOAD = "";

    private final Reloads reloads;
    private final ScheduledExecutorService timers;
    private final Duration firstDelay;
    private final Duration retryDelay;
    private final StaleRetry staleRetry;
    private final GivingUp givingUp;
    /** What is followed, by exercise id ({@link #ANY_RELOAD}: a plain reload that any successful reload settles). */
    private final Map<String, Following> following = new HashMap<>();

    private static final class Following {
        final CatalogChange change;
        Cancellable subscription;

        Following(CatalogChange change) {
            this.change = change;
        }
    }

    CatalogCatchUp(Reloads reloads, ScheduledExecutorService timers, Duration firstDelay, Duration retryDelay,
            StaleRetry staleRetry, GivingUp givingUp) {
        this.reloads = reloads;
        this.timers = timers;
        this.firstDelay = firstDelay;
        this.retryDelay = retryDelay;
        this.staleRetry = staleRetry;
        this.givingUp = givingUp;
    }

    /**
     * Follows {@code change} until a reload shows it. False when nothing new was learnt (a duplicate delivery, or an
     * older event than the one followed for that exercise): its reloads and retries go on as they were.
     */
    synchronized boolean follow(CatalogChange change) {
        Following current = following.get(change.exerciseId());
        if (current != null && current.change.version() >= change.version()) {
            return false;
        }
        start(change.exerciseId(), change, change::seenIn);
        return true;
    }

    /** One reload soon, retried while the catalog is unreachable (an event with nothing to check a reload against). */
    synchronized void reloadOnce() {
        if (!following.containsKey(ANY_RELOAD)) {
            start(ANY_RELOAD, null, snapshot -> true);
        }
    }

    /** The changes not shown yet. */
    synchronized List<CatalogChange> pending() {
        List<CatalogChange> changes = new ArrayList<>();
        for (Following f : following.values()) {
            if (f.change != null) {
                changes.add(f.change);
            }
        }
        return changes;
    }

    synchronized void stop() {
        for (Following f : following.values()) {
            if (f.subscription != null) {
                f.subscription.cancel();
            }
        }
        following.clear();
    }

    private void start(String key, CatalogChange change, Predicate<CatalogSnapshot> shows) {
        Following previous = following.get(key);
        if (previous != null && previous.subscription != null) {
            previous.subscription.cancel(); // a newer change of the same exercise replaces it
        }
        Following entry = new Following(change);
        following.put(key, entry);
        AtomicBoolean first = new AtomicBoolean(true);
        AtomicInteger stale = new AtomicInteger();
        Uni<CatalogSnapshot> shown = Uni.createFrom()
                .deferred(() -> reloads.startingIn(first.getAndSet(false) ? firstDelay : Duration.ZERO))
                // catalog unreachable: we know we are stale, keep trying without using up the stale retries
                .onFailure(failure -> !(failure instanceof NotShownYet)).retry()
                .withBackOff(retryDelay, retryDelay).withJitter(0).withExecutor(timers).indefinitely()
                .invoke(snapshot -> {
                    if (!shows.test(snapshot)) {
                        stale.incrementAndGet();
                        throw new NotShownYet();
                    }
                });
        if (staleRetry.maxRetries() > 0) {
            shown = shown.onFailure(NotShownYet.class).retry()
                    .withBackOff(staleRetry.initialDelay(), staleRetry.maxDelay()).withJitter(0).withExecutor(timers)
                    .atMost(staleRetry.maxRetries());
        }
        Cancellable subscription = shown.subscribe().with(snapshot -> finished(key, entry),
                failure -> {
                    if (finished(key, entry) && change != null) {
                        givingUp.gaveUp(change, stale.get());
                    }
                });
        synchronized (this) {
            entry.subscription = subscription;
        }
    }

    /** Forgets {@code entry} unless a newer one replaced it; true when it was still the one followed. */
    private synchronized boolean finished(String key, Following entry) {
        return following.remove(key, entry);
    }
}
