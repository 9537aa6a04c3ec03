package org.backrelief.planner.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Exercise-changed events the cache has not seen in a snapshot yet, one per exercise (the newest), with how many
 * reloads already came back without it. Decides after each reload what is settled, what to retry and when, and what
 * to give up on. Plain bookkeeping, thread-safe, no I/O: callers on the Kafka thread only hold it for microseconds.
 */
final class PendingChanges {

    /** The outcome of one reload: changes given up on, and when to reload again (empty: nothing left). */
    record Settlement(List<GivenUp> givenUp, Optional<Duration> nextReload) {
    }

    record GivenUp(CatalogChange change, int reloads) {
    }

    private static final class Pending {
        final CatalogChange change;
        int staleReloads;

        Pending(CatalogChange change) {
            this.change = change;
        }
    }

    private final Duration firstDelay;
    private final ReloadBackoff backoff;
    private final Map<String, Pending> byId = new HashMap<>();

    /** @param firstDelay the wait before the first reload of a new change (lets a burst of events share it) */
    PendingChanges(Duration firstDelay, ReloadBackoff backoff) {
        this.firstDelay = firstDelay;
        this.backoff = backoff;
    }

    /**
     * Records a change; several events for one exercise coalesce into the newest. False when nothing new was learnt
     * (a duplicate delivery, or an older event than one already pending): no extra reload is needed for it.
     */
    synchronized boolean add(CatalogChange change) {
        Pending pending = byId.get(change.exerciseId());
        if (pending != null && pending.change.version() >= change.version()) {
            return false;
        }
        byId.put(change.exerciseId(), new Pending(change));
        return true;
    }

    /** The changes a reload starting now must show. */
    synchronized List<CatalogChange> toCheck() {
        List<CatalogChange> changes = new ArrayList<>(byId.size());
        for (Pending pending : byId.values()) {
            changes.add(pending.change);
        }
        return changes;
    }

    synchronized boolean isEmpty() {
        return byId.isEmpty();
    }

    /**
     * After a reload that started when {@code checked} were pending: drops what {@code loaded} shows, counts a stale
     * reload against each checked change it does not show, gives up on those past the retry limit, and says when to
     * reload next. A change that arrived during the reload is not counted (the reload may have begun before its write).
     */
    synchronized Settlement settle(Collection<CatalogChange> checked, CatalogSnapshot loaded) {
        Set<CatalogChange> wasChecked = new HashSet<>(checked);
        List<GivenUp> givenUp = new ArrayList<>();
        Duration next = null;
        for (Iterator<Pending> it = byId.values().iterator(); it.hasNext();) {
            Pending pending = it.next();
            if (pending.change.seenIn(loaded)) {
                it.remove();
                continue;
            }
            Duration delay;
            if (wasChecked.contains(pending.change)) {
                pending.staleReloads++;
                Optional<Duration> retry = backoff.delayBeforeRetry(pending.staleReloads);
                if (retry.isEmpty()) {
                    it.remove();
                    givenUp.add(new GivenUp(pending.change, pending.staleReloads));
                    continue;
                }
                delay = retry.get();
            } else {
                delay = firstDelay;
            }
            next = next == null || delay.compareTo(next) < 0 ? delay : next;
        }
        return new Settlement(givenUp, Optional.ofNullable(next));
    }
}
