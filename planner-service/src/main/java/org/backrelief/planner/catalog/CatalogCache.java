package org.backrelief.planner.catalog;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 */
@ApplicationScoped
public class CatalogCache {

    private static final Logger LOG = Logger.getLogger(CatalogCache.class);
    /** Change events often come in bursts (an editor saving several exercises): one reload per burst. */
    static final long DEBOUNCE_MILLIS = 200;
    static final String UNAVAILABLE = "The exercise catalog cannot be reached and no copy is cached yet;"
            + " no routine can be composed. Try again in a few seconds.";

    private final CatalogLoader loader;
    private final Clock clock;
    private final Duration refreshInterval;
    private final Duration retryDelay;
    private final AtomicReference<CatalogSnapshot> current = new AtomicReference<>();
    private final AtomicBoolean reloadQueued = new AtomicBoolean();
    private final ReentrantLock loadLock = new ReentrantLock();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "catalog-refresh");
        thread.setDaemon(true);
        return thread;
    });

    public CatalogCache(CatalogLoader loader, Clock clock,
            @ConfigProperty(name = "backrelief.catalog.refresh-interval", defaultValue = "PT5M") Duration refreshInterval,
            @ConfigProperty(name = "backrelief.catalog.retry-delay", defaultValue = "PT10S") Duration retryDelay) {
        this.loader = loader;
        this.clock = clock;
        this.refreshInterval = refreshInterval;
        this.retryDelay = retryDelay;
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

    /** A catalog change event: reload when it is newer than what we hold. */
    public void changed(String exerciseId, long version) {
        CatalogSnapshot snapshot = current.get();
        boolean newer = snapshot == null || exerciseId == null
                || snapshot.exercise(exerciseId).map(e -> e.version() < version).orElse(true);
        if (newer) {
            queueReload(DEBOUNCE_MILLIS);
        }
    }

    /** Forgets the snapshot, as after a cold start (used by operations and tests). */
    public void evict() {
        current.set(null);
    }

    private void queueReload(long delayMillis) {
        if (reloadQueued.compareAndSet(false, true)) {
            executor.schedule(() -> {
                reloadQueued.set(false);
                if (!reloadQuietly()) {
                    // keep trying until the catalog answers: we know we are stale
                    queueReload(retryDelay.toMillis());
                }
            }, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private boolean reloadQuietly() {
        loadLock.lock();
        try {
            load();
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("Catalog reload failed, keeping %s: %s",
                    current.get() == null ? "an empty cache" : "the previous snapshot", e.toString());
            return false;
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
