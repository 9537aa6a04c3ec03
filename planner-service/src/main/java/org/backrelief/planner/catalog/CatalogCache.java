package org.backrelief.planner.catalog;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.backrelief.common.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * The in-memory copy of the catalog every routine is composed from: an immutable snapshot swapped atomically, so
 * readers never lock. Loaded at startup (without holding startup up), reloaded when a catalog change event is newer
 * than what we hold, and periodically as a safety net. While the catalog is down the last snapshot keeps serving;
 * only a cold cache with an unreachable catalog fails, with a 503 problem.
 * <p>
 * A reload after a change event may reach a catalog replica that has not caught up with the write yet (its read model
 * lags up to about a second): until the snapshot shows every pending event's version (or the deletion), the cache
 * reloads again with backoff ({@link ReloadBackoff}), all pending events sharing each reload, and warns when it gives
 * up. All of it runs on the cache's own thread; the Kafka consumer only records the event.
 */
@ApplicationScoped
public class CatalogCache {

    private static final Logger LOG = Logger.getLogger(CatalogCache.class);
    /** Change events often come in bursts (an editor saving several exercises): one reload per burst. */
    static final Duration DEBOUNCE = Duration.ofMillis(200);
    static final String UNAVAILABLE = "The exercise catalog cannot be reached and no copy is cached yet;"
            + " no routine can be composed. Try again in a few seconds.";

    private final CatalogLoader loader;
    private final Clock clock;
    private final Duration refreshInterval;
    private final Duration retryDelay;
    private final PendingChanges pending;
    private final AtomicReference<CatalogSnapshot> current = new AtomicReference<>();
    private final ReentrantLock loadLock = new ReentrantLock();
    /** Guards the one queued event-driven reload; held only to (re)schedule it, never during I/O. */
    private final Object scheduleLock = new Object();
    private ScheduledFuture<?> queuedReload;
    private long queuedReloadDueNanos;
    private long queuedReloadTicket;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "catalog-refresh");
        thread.setDaemon(true);
        return thread;
    });

    public CatalogCache(CatalogLoader loader, Clock clock,
            @ConfigProperty(name = "backrelief.catalog.refresh-interval", defaultValue = "PT5M") Duration refreshInterval,
            @ConfigProperty(name = "backrelief.catalog.retry-delay", defaultValue = "PT10S") Duration retryDelay,
            @ConfigProperty(name = "backrelief.catalog.stale-retry.initial-delay", defaultValue = "PT0.5S")
            Duration staleRetryInitialDelay,
            @ConfigProperty(name = "backrelief.catalog.stale-retry.max-delay", defaultValue = "PT4S")
            Duration staleRetryMaxDelay,
            @ConfigProperty(name = "backrelief.catalog.stale-retry.max-retries", defaultValue = "4")
            int staleRetryMaxRetries) {
        this.loader = loader;
        this.clock = clock;
        this.refreshInterval = refreshInterval;
        this.retryDelay = retryDelay;
        this.pending = new PendingChanges(DEBOUNCE,
                new ReloadBackoff(staleRetryInitialDelay, staleRetryMaxDelay, staleRetryMaxRetries));
    }

    void onStart(@Observes StartupEvent event) {
        executor.execute(this::reloadQuietly);
        long every = Math.max(1000, refreshInterval.toMillis());
        executor.scheduleWithFixedDelay(this::reloadQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** The snapshot to compose from; loads it first when the cache is cold. */
    public CatalogSnapshot snapshot() {
        CatalogSnapshot snapshot = current.get();
        if (snapshot != null) {
            return snapshot;
        }
        loadLock.lock();
        try {
            snapshot = current.get();
            if (snapshot != null) {
                return snapshot;
            }
            return load();
        } catch (RuntimeException e) {
            LOG.warnf("Catalog unavailable with a cold cache: %s", e.toString());
            throw ProblemException.unavailable(UNAVAILABLE);
        } finally {
            loadLock.unlock();
        }
    }

    public Optional<CatalogSnapshot> peek() {
        return Optional.ofNullable(current.get());
    }

    /**
     * A catalog change event: when the snapshot does not show it yet, reload soon (sharing the reload with other
     * pending events) and keep reloading with backoff until it does. Never blocks: safe on the Kafka/event-loop thread.
     */
    public void changed(CatalogChange change) {
        CatalogSnapshot snapshot = current.get();
        if (snapshot != null && change.seenIn(snapshot)) {
            return; // already held (e.g. a replayed event)
        }
        if (pending.add(change)) {
            scheduleReload(DEBOUNCE);
        }
    }

    /** A change event that names no exercise or version: one reload soon, nothing to check it against. */
    public void reloadSoon() {
        scheduleReload(DEBOUNCE);
    }

    /** Forgets the snapshot, as after a cold start (used by operations and tests). */
    public void evict() {
        current.set(null);
    }

    /** Queues the event-driven reload in {@code delay} unless one is already queued at or before then. */
    private void scheduleReload(Duration delay) {
        long due = System.nanoTime() + delay.toNanos();
        synchronized (scheduleLock) {
            if (queuedReload != null && due - queuedReloadDueNanos >= 0) {
                return;
            }
            if (queuedReload != null) {
                queuedReload.cancel(false);
            }
            long ticket = ++queuedReloadTicket;
            try {
                queuedReload = executor.schedule(() -> reloadForChanges(ticket), delay.toMillis(),
                        TimeUnit.MILLISECONDS);
                queuedReloadDueNanos = due;
            } catch (RejectedExecutionException e) {
                queuedReload = null; // shutting down
            }
        }
    }

    private void reloadForChanges(long ticket) {
        synchronized (scheduleLock) {
            if (queuedReloadTicket == ticket) {
                queuedReload = null; // from here on a new event queues a reload of its own
            }
        }
        List<CatalogChange> checking = pending.toCheck();
        CatalogSnapshot loaded = reloadQuietly();
        if (loaded == null) {
            // keep trying until the catalog answers: we know we are stale
            scheduleReload(retryDelay);
            return;
        }
        PendingChanges.Settlement settlement = pending.settle(checking, loaded);
        for (PendingChanges.GivenUp givenUp : settlement.givenUp()) {
            CatalogChange change = givenUp.change();
            LOG.warnf("The catalog still does not show exercise '%s' %s version %d after %d reloads; giving up, the"
                    + " periodic refresh (every %s) or the next change event will pick it up", change.exerciseId(),
                    change.deleted() ? "deleted at" : "at", change.version(), givenUp.reloads(), refreshInterval);
        }
        settlement.nextReload().ifPresent(delay -> {
            if (LOG.isDebugEnabled()) {
                LOG.debugf("Catalog reload does not show %s yet (a replica catching up?); reloading in %s",
                        pending.toCheck(), delay);
            }
            scheduleReload(delay);
        });
    }

    /** Loads a snapshot; null (logged) when the catalog cannot be read. */
    private CatalogSnapshot reloadQuietly() {
        loadLock.lock();
        try {
            return load();
        } catch (RuntimeException e) {
            LOG.warnf("Catalog reload failed, keeping %s: %s",
                    current.get() == null ? "an empty cache" : "the previous snapshot", e.toString());
            return null;
        } finally {
            loadLock.unlock();
        }
    }

    private CatalogSnapshot load() {
        CatalogSnapshot snapshot = CatalogSnapshot.of(loader.fetchAll(), clock.instant());
        current.set(snapshot);
        LOG.debugf("Catalog snapshot loaded: %d exercises (%d skipped), max version %d", snapshot.size(),
                snapshot.skipped(), snapshot.maxVersion());
        return snapshot;
    }
}
