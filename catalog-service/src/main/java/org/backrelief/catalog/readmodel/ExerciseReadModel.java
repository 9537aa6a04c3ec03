package org.backrelief.catalog.readmodel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.backrelief.catalog.CatalogConfig;
import org.backrelief.catalog.exercise.ExerciseEntity;
import org.backrelief.catalog.exercise.ExerciseRepository;
import org.backrelief.common.problem.ProblemException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.scheduler.Scheduled;

/**
 * The catalog as this replica serves it: an immutable {@link CatalogSnapshot} of the whole collection, swapped
 * atomically. Readers never touch MongoDB.
 * <p>
 * Freshness: a write on this replica rebuilds the snapshot before it answers (read-your-writes). Writes of other
 * replicas are found by a cheap check every {@code read-model.check-interval} (default 1 s): the ids and versions of
 * all exercises (a projection, no content) are compared with the snapshot, and any difference (every write bumps a
 * version or adds an exercise) triggers a rebuild. So another replica's write is served here at most one interval plus
 * one rebuild later. The exercise-changed events are not consumed for this: they are best effort (lost during a Kafka
 * outage or a restart), so the check would be needed anyway, and it alone gives a bound that does not depend on Kafka.
 * <p>
 * Rebuilds are serialized and each reads the database inside the lock, so a later snapshot never holds older data
 * than an earlier one.
 */
@ApplicationScoped
public class ExerciseReadModel {

    private static final Logger LOG = Logger.getLogger(ExerciseReadModel.class);

    private final ExerciseRepository repository;
    private final ObjectMapper mapper;
    private final Duration maxUnverified;
    private final Clock clock = Clock.systemUTC();
    private final Object rebuildLock = new Object();

    private volatile CatalogSnapshot current;
    /** When the database last confirmed (or produced) the snapshot; null before the first load. */
    private volatile Instant verifiedAt;
    /** Set once the first load happened (CatalogStartup); the scheduled check does nothing before. */
    private volatile boolean checking;

    public ExerciseReadModel(ExerciseRepository repository, ObjectMapper mapper, CatalogConfig config) {
        this.repository = repository;
        this.mapper = mapper;
        this.maxUnverified = config.readModel().maxUnverified();
    }

    /** The current snapshot. @throws ProblemException 503 before the first load */
    public CatalogSnapshot snapshot() {
        CatalogSnapshot snapshot = current;
        if (snapshot == null) {
            throw ProblemException.unavailable("The catalog is still loading; retry in a moment");
        }
        return snapshot;
    }

    /** Reads the whole collection and swaps in a new snapshot; called after every write of this replica. */
    public CatalogSnapshot rebuild() {
        synchronized (rebuildLock) {
            List<ExerciseEntity> all = repository.listAll();
            Instant now = clock.instant();
            CatalogSnapshot snapshot = CatalogSnapshot.of(all, mapper, now);
            current = snapshot;
            verifiedAt = now;
            return snapshot;
        }
    }

    /** Builds the first snapshot unless a write (e.g. the content load) already did. */
    public void ensureLoaded() {
        if (current == null) {
            rebuild();
        }
    }

    /**
     * The cross-replica check: rebuilds when the stored ids/versions differ from the snapshot's.
     *
     * @return true when it rebuilt
     */
    public boolean checkForChanges() {
        CatalogSnapshot snapshot = current;
        Instant started = clock.instant();
        Map<String, Long> stored = repository.versions();
        if (snapshot == null || !stored.equals(snapshot.versions())) {
            CatalogSnapshot rebuilt = rebuild();
            LOG.debugf("Catalog changed elsewhere: snapshot rebuilt with %d exercises", rebuilt.size());
            return true;
        }
        verifiedAt = started; // the database confirmed the snapshot as of the start of the check
        return false;
    }

    /** True when a snapshot is loaded and the database confirmed it recently: the readiness condition. */
    public boolean isFresh() {
        Instant verified = verifiedAt;
        return current != null && verified != null
                && Duration.between(verified, clock.instant()).compareTo(maxUnverified) <= 0;
    }

    public Instant verifiedAt() {
        return verifiedAt;
    }

    /** Starts the periodic check; the first load must have happened (see CatalogStartup). */
    public void startChecking() {
        checking = true;
    }

    /** Every {@code read-model.check-interval}; a check still running when the next is due is not doubled. */
    @Scheduled(identity = "catalog-read-model-check", every = "${backrelief.catalog.read-model.check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkQuietly() {
        if (!checking) {
            return;
        }
        try {
            checkForChanges();
        } catch (RuntimeException e) {
            // keep serving the last snapshot; readiness turns DOWN once it is unverified for too long
            LOG.warnf("Catalog freshness check failed (last verified %s): %s", verifiedAt, e.toString());
        }
    }
}
