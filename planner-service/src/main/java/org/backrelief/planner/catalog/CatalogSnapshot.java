package org.backrelief.planner.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.backrelief.common.domain.Phase;
import org.backrelief.planner.catalog.CatalogExercise.PhaseEntry;

/**
 * An immutable copy of the exercise catalog, indexed by phase. Built once per refresh and shared by every request;
 * deleted and malformed exercises are left out.
 */
public final class CatalogSnapshot {

    private final Map<String, CatalogExercise> byId;
    /** Version of every live exercise the catalog listed, usable or not: what change events are checked against. */
    private final Map<String, Long> listedVersions;
    private final Map<Phase, List<Candidate>> byPhase;
    private final long maxVersion;
    private final Instant loadedAt;
    private final int skipped;

    private CatalogSnapshot(Map<String, CatalogExercise> byId, Map<String, Long> listedVersions,
            Map<Phase, List<Candidate>> byPhase, long maxVersion, Instant loadedAt, int skipped) {
        this.byId = byId;
        this.listedVersions = listedVersions;
        this.byPhase = byPhase;
        this.maxVersion = maxVersion;
        this.loadedAt = loadedAt;
        this.skipped = skipped;
    }

    public static CatalogSnapshot of(Collection<CatalogExercise> exercises, Instant loadedAt) {
        Map<String, CatalogExercise> byId = new HashMap<>();
        Map<String, Long> listedVersions = new HashMap<>();
        Map<Phase, List<Candidate>> byPhase = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            byPhase.put(phase, new ArrayList<>());
        }
        long maxVersion = 0;
        int skipped = 0;
        for (CatalogExercise exercise : exercises) {
            if (exercise == null || exercise.deleted()) {
                continue;
            }
            if (exercise.id() != null) {
                listedVersions.merge(exercise.id(), exercise.version(), Math::max);
            }
            if (!usable(exercise)) {
                skipped++;
                continue;
            }
            byId.put(exercise.id(), exercise);
            maxVersion = Math.max(maxVersion, exercise.version());
            boolean[] seen = new boolean[Phase.values().length];
            for (PhaseEntry entry : exercise.phases()) {
                if (entry != null && entry.phase() != null && entry.dose() != null && !seen[entry.phase().ordinal()]) {
                    seen[entry.phase().ordinal()] = true;
                    byPhase.get(entry.phase()).add(new Candidate(exercise, entry.phase(), entry.dose(), entry.position()));
                }
            }
        }
        Map<Phase, List<Candidate>> frozen = new EnumMap<>(Phase.class);
        for (Map.Entry<Phase, List<Candidate>> entry : byPhase.entrySet()) {
            List<Candidate> list = entry.getValue();
            // a stable order independent of load order keeps composition deterministic
            list.sort(Comparator.comparing(Candidate::id));
            frozen.put(entry.getKey(), Collections.unmodifiableList(list));
        }
        return new CatalogSnapshot(Collections.unmodifiableMap(byId), Collections.unmodifiableMap(listedVersions),
                Collections.unmodifiableMap(frozen), maxVersion, loadedAt, skipped);
    }

    /** Everything the composer relies on is present; anything else is skipped rather than half-used. */
    private static boolean usable(CatalogExercise e) {
        return e.id() != null && !e.id().isBlank() && e.name() != null && e.phases() != null && !e.phases().isEmpty()
                && e.position() != null && e.impact() != null && e.minLevel() != null && e.difficulty() >= 1;
    }

    public List<Candidate> candidates(Phase phase) {
        return byPhase.get(phase);
    }

    public Optional<CatalogExercise> exercise(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The version the catalog listed for a live exercise, also when it was skipped as unusable; empty when it was not
     * listed (unknown or deleted).
     */
    public OptionalLong listedVersion(String id) {
        Long version = id == null ? null : listedVersions.get(id);
        return version == null ? OptionalLong.empty() : OptionalLong.of(version);
    }

    public Collection<CatalogExercise> exercises() {
        return byId.values();
    }

    public int size() {
        return byId.size();
    }

    public long maxVersion() {
        return maxVersion;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    /** Exercises left out because a required field was missing. */
    public int skipped() {
        return skipped;
    }
}
