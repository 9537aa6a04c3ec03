package org.backrelief.catalog.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.backrelief.catalog.CatalogConfig;
import org.backrelief.catalog.events.ExerciseChangePublisher;
import org.backrelief.catalog.events.ExerciseChangePublisher.PendingChange;
import org.backrelief.catalog.exercise.Exercise;
import org.backrelief.catalog.exercise.ExerciseEntity;
import org.backrelief.catalog.exercise.ExerciseRepository;
import org.backrelief.catalog.exercise.Origin;
import org.backrelief.catalog.readmodel.ExerciseReadModel;
import org.backrelief.common.events.ExerciseChangedV1.Change;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Upserts the content files into MongoDB, idempotently, following {@link ContentSync}. Safe to run on every start
 * and from several replicas at once: inserts rely on the unique id, updates on the stored version.
 */
@ApplicationScoped
public class ContentLoader {

    private static final Logger LOG = Logger.getLogger(ContentLoader.class);
    /** Part of the content digest: bump it when the loading rule or the stored form changes, to force a reload. */
    static final String FORMAT = "content-loader-1";

    private final ContentReader reader;
    private final ExerciseRepository repository;
    private final ExerciseChangePublisher events;
    private final ObjectMapper mapper;
    private final Counter keptApiEdits;
    private final ExerciseReadModel readModel;
    private final Duration startupEventDelay;

    public ContentLoader(ContentReader reader, ExerciseRepository repository, ExerciseChangePublisher events,
            ObjectMapper mapper, MeterRegistry registry, ExerciseReadModel readModel, CatalogConfig config) {
        this.readModel = readModel;
        this.startupEventDelay = config.events().startupDelay();
        this.reader = reader;
        this.repository = repository;
        this.events = events;
        this.mapper = mapper;
        this.keptApiEdits = Counter.builder("catalog.content.api.edits.kept")
                .description("Newer content files not applied because an API edit wins").register(registry);
    }

    /** What one load did. */
    public record Report(int inserted, int updated, int unchanged, int keptApiEdits, int changedWithoutNewVersion) {
    }

    /**
     * The start-up load: skipped when MongoDB records that byte-identical files were already applied completely (by
     * an earlier start of this release or another replica), so a restart neither parses nor validates nor syncs.
     *
     * @return the report, or null when skipped
     */
    public Report loadIfChanged() {
        Map<String, byte[]> files = reader.rawExercises();
        String digest = digest(files);
        return isApplied(digest) ? null : loadAtStartup(files, digest);
    }

    /** The digest of the exercise files {@code files} (see {@link ContentReader#digest}). */
    public String digest(Map<String, byte[]> files) {
        return ContentReader.digest(files, FORMAT);
    }

    /** True when MongoDB records that content with {@code digest} was applied completely. */
    public boolean isApplied(String digest) {
        boolean applied = digest.equals(repository.appliedContentDigest());
        if (applied) {
            LOG.infof("Catalog content unchanged since it was last applied (digest %s): not reloaded",
                    digest.substring(0, 12));
        }
        return applied;
    }

    /** Validates and applies {@code files}, publishing the events off the start-up path, then records the digest. */
    public Report loadAtStartup(Map<String, byte[]> files, String digest) {
        Report report = load(files, true);
        repository.contentApplied(digest);
        return report;
    }

    /** Validates and applies every content file (always, whatever was applied before). */
    public Report load() {
        return load(reader.rawExercises(), false);
    }

    private Report load(Map<String, byte[]> files, boolean startup) {
        Report report = apply(reader.readExercises(files), startup);
        LOG.infof("Catalog content loaded: %d inserted, %d updated, %d unchanged, %d API edits kept, "
                + "%d files changed without a new contentVersion", report.inserted(), report.updated(),
                report.unchanged(), report.keptApiEdits(), report.changedWithoutNewVersion());
        return report;
    }

    /**
     * Applies validated content exercises; public so tests can apply crafted versions of a file. Reads the stored
     * exercises in one query and inserts the new ones in one bulk write; rebuilds the read model when it wrote.
     */
    public Report apply(List<Exercise> files) {
        return apply(files, false);
    }

    /** @param startup publish the events a little later, off the start-up path */
    private Report apply(List<Exercise> files, boolean startup) {
        List<PendingChange> changes = new ArrayList<>();
        int updated = 0;
        int unchanged = 0;
        int kept = 0;
        int changedWithoutNewVersion = 0;
        Map<String, ExerciseEntity> storedById = new HashMap<>();
        repository.listAll().forEach(entity -> storedById.put(entity.id, entity));
        List<ExerciseEntity> inserts = new ArrayList<>();
        for (Exercise file : files) {
            String hash = hash(file);
            ExerciseEntity stored = storedById.get(file.id());
            ContentSync.Stored state = stored == null ? null
                    : new ContentSync.Stored(stored.contentVersion, stored.contentHash, stored.editedViaApi,
                            stored.apiEditedAt);
            switch (ContentSync.decide(state, file.contentVersion(), hash, file.replacesApiEditsBefore())) {
                case INSERT -> inserts.add(newEntity(file, hash));
                case UPDATE -> {
                    ExerciseEntity next = update(file, hash, stored);
                    if (next != null) {
                        changes.add(new PendingChange(next.id, Change.UPDATED, next.version));
                        updated++;
                    } else {
                        unchanged++;
                    }
                }
                case UNCHANGED -> unchanged++;
                case CHANGED_WITHOUT_NEW_VERSION -> {
                    changedWithoutNewVersion++;
                    LOG.warnf("Content file %s.json changed but its contentVersion is still %d; bump it to apply "
                            + "the change", file.id(), file.contentVersion());
                }
                case KEEP_API_EDIT -> {
                    kept++;
                    keptApiEdits.increment();
                    LOG.warnf("Content file %s.json has contentVersion %d but the exercise was edited through the API "
                            + "at %s; the API edit is kept. Set replacesApiEditsBefore in the file to replace it.",
                            file.id(), file.contentVersion(), stored.apiEditedAt);
                }
            }
        }
        List<ExerciseEntity> inserted = repository.insertAll(inserts); // ids another replica inserted first are left out
        unchanged += inserts.size() - inserted.size();
        for (ExerciseEntity entity : inserted) {
            changes.add(new PendingChange(entity.id, Change.CREATED, entity.version));
        }
        if (!changes.isEmpty()) {
            readModel.rebuild(); // before the events, so a consumer re-reading this replica sees the change
        }
        if (startup) {
            events.publishLater(changes, startupEventDelay);
        } else {
            changes.forEach(change -> events.publish(change.exerciseId(), change.change(), change.version()));
        }
        return new Report(inserted.size(), updated, unchanged, kept, changedWithoutNewVersion);
    }

    private static ExerciseEntity newEntity(Exercise file, String hash) {
        ExerciseEntity entity = fromFile(file, hash);
        entity.version = 1;
        entity.origin = Origin.CONTENT;
        return entity;
    }

    /** @return the stored exercise, or null when it changed meanwhile */
    private ExerciseEntity update(Exercise file, String hash, ExerciseEntity stored) {
        ExerciseEntity next = fromFile(file, hash);
        next.version = stored.version + 1;
        next.origin = stored.origin;
        next.apiEditedAt = stored.apiEditedAt; // history; editedViaApi is false again: the file now rules
        if (!repository.replaceIfVersion(next, stored.version)) {
            LOG.infof("Exercise %s changed while loading content; leaving it", file.id());
            return null;
        }
        return next;
    }

    private static ExerciseEntity fromFile(Exercise file, String hash) {
        ExerciseEntity entity = ExerciseEntity.withContentOf(file);
        entity.contentVersion = file.contentVersion();
        entity.contentHash = hash;
        entity.updatedAt = Instant.now();
        entity.deleted = false;
        entity.editedViaApi = false;
        return entity;
    }

    /** SHA-256 of the parsed file, so formatting changes alone don't count as content changes. */
    String hash(Exercise file) {
        try {
            byte[] json = mapper.writeValueAsString(file).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash content of " + file.id(), e);
        }
    }
}
