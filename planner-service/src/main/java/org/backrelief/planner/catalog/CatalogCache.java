package org.backrelief.planner.catalog;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.backrelief.common.problem.ProblemException;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The in-memory copy of the catalog every routine is composed from: an immutable snapshot swapped atomically, so
 * readers never lock. Loaded at startup (without holding startup up), reloaded when a catalog change event is newer
 * than what we hold, and periodically as a safety net. While the catalog is down the last snapshot keeps serving;
 * only a cold cache with an unreachable catalog fails, with a 503 problem.
 * <p>
 * A reload after a change event may reach a catalog replica that has not caught up with the write yet (its read model
 * lags up to about a second): until the snapshot shows every pending event's version (or the deletion), the cache
 * reloads again with Mutiny's backoff ({@link CatalogCatchUp}), pending events sharing each reload ({@link NextReload}),
 * and warns when it gives up. Reloads run on worker threads (the periodic one from the scheduler, the event-driven ones
 * after a Mutiny timer), one at a time; the Kafka consumer only records the event.
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
    private final NextReload nextReload;
    private final CatalogCatchUp catchUp;
    private final AtomicReference<CatalogSnapshot> current = new AtomicReference<>();
    private final ReentrantLock loadLock = new ReentrantLock();

    @Inject
    public CatalogCache(CatalogLoader loader, Clock clock, CatalogConfig config) {
        this(loader, clock, config.refreshInterval(), config.retryDelay(),
                new CatalogCatchUp.StaleRetry(config.staleRetry().initialDelay(),
                        config.staleRetry().maxDelay(), config.staleRetry().maxRetries()));
    }

    CatalogCache(CatalogLoader loader, Clock clock, Duration refreshInterval, Duration retryDelay,
            CatalogCatchUp.StaleRetry staleRetry) {
        this.loader = loader;
        this.clock = clock;
        this.refreshInterval = refreshInterval;
        ScheduledExecutorService workers = Infrastructure.getDefaultWorkerPool();
        // the reload blocks (HTTP reads): after its timer it runs on a worker thread
        this.nextReload = new NextReload(this::reloadLogged, workers, workers);
        this.catchUp = new CatalogCatchUp(nextReload, workers, DEBOUNCE, retryDelay, staleRetry, this::gaveUp);
    }

    /**
     * The first load right at startup (in the background: startup does not wait for the catalog), then the safety-net
     * reload every {@code refresh-interval}.
     */
    @Scheduled(identity = "catalog-refresh", every = "${backrelief.catalog.refresh-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            reloadLogged();
        } catch (RuntimeException e) {
            // logged; the last snapshot keeps serving
        }
    }

    @PreDestroy
    void stop() {
        catchUp.stop();
        nextReload.stop();
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
     * pending events) and keep reloading with backoff until it does ({@link CatalogCatchUp}). Never blocks: safe on
     * the Kafka/event-loop thread.
     */
    public void changed(CatalogChange change) {
        CatalogSnapshot snapshot = current.get();
        if (snapshot != null && change.seenIn(snapshot)) {
            return; // already held (e.g. a replayed event)
        }
        catchUp.follow(change);
    }

    /** A change event that names no exercise or version: one reload soon, nothing to check it against. */
    public void reloadSoon() {
        catchUp.reloadOnce();
    }

    /** Forgets the snapshot, as after a cold start (used by operations and tests). */
    public void evict() {
        current.set(null);
    }

    private void gaveUp(CatalogChange change, int reloads) {
        LOG.warnf("The catalog still does not show exercise '%s' %s version %d after %d reloads; giving up, the"
                + " periodic refresh (every %s) or the next change event will pick it up", change.exerciseId(),
                change.deleted() ? "deleted at" : "at", change.version(), reloads, refreshInterval);
    }

    /** Loads a snapshot; a failure (the catalog cannot be read) is logged and thrown. */
    private CatalogSnapshot reloadLogged() {
        loadLock.lock();
        try {
            return load();
        } catch (RuntimeException e) {
            LOG.warnf("Catalog reload failed, keeping %s: %s",
                    current.get() == null ? "an empty cache" : "the previous snapshot", e.toString());
            throw e;
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
