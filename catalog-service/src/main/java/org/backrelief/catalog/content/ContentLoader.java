package org.backrelief.catalog.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.backrelief.catalog.events.ExerciseChangePublisher;
import org.backrelief.catalog.exercise.Exercise;
import org.backrelief.catalog.exercise.ExerciseEntity;
import org.backrelief.catalog.exercise.ExerciseRepository;
import org.backrelief.catalog.exercise.Origin;
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

    private final ContentReader reader;
    private final ExerciseRepository repository;
    private final ExerciseChangePublisher events;
    private final ObjectMapper mapper;
    private final Counter keptApiEdits;

    public ContentLoader(ContentReader reader, ExerciseRepository repository, ExerciseChangePublisher events,
            ObjectMapper mapper, MeterRegistry registry) {
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

    public Report load() {
        Report report = apply(reader.readExercises());
        LOG.infof("Catalog content loaded: %d inserted, %d updated, %d unchanged, %d API edits kept, "
                + "%d files changed without a new contentVersion", report.inserted(), report.updated(),
                report.unchanged(), report.keptApiEdits(), report.changedWithoutNewVersion());
        return report;
    }

    /** Applies validated content exercises; public so tests can apply crafted versions of a file. */
    public Report apply(List<Exercise> files) {
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        int kept = 0;
        int changedWithoutNewVersion = 0;
        for (Exercise file : files) {
            String hash = hash(file);
            ExerciseEntity stored = repository.findByIdOptional(file.id()).orElse(null);
            ContentSync.Stored state = stored == null ? null
                    : new ContentSync.Stored(stored.contentVersion, stored.contentHash, stored.editedViaApi,
                            stored.apiEditedAt);
            switch (ContentSync.decide(state, file.contentVersion(), hash, file.replacesApiEditsBefore())) {
                case INSERT -> {
                    if (insert(file, hash)) {
                        inserted++;
                    } else {
                        unchanged++; // another replica inserted it first
                    }
                }
                case UPDATE -> {
                    if (update(file, hash, stored)) {
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
        return new Report(inserted, updated, unchanged, kept, changedWithoutNewVersion);
    }

    private boolean insert(Exercise file, String hash) {
        ExerciseEntity entity = fromFile(file, hash);
        entity.version = 1;
        entity.origin = Origin.CONTENT;
        if (!repository.insert(entity)) {
            return false;
        }
        events.publish(entity.id, Change.CREATED, entity.version);
        return true;
    }

    private boolean update(Exercise file, String hash, ExerciseEntity stored) {
        ExerciseEntity next = fromFile(file, hash);
        next.version = stored.version + 1;
        next.origin = stored.origin;
        next.apiEditedAt = stored.apiEditedAt; // history; editedViaApi is false again: the file now rules
        if (!repository.replaceIfVersion(next, stored.version)) {
            LOG.infof("Exercise %s changed while loading content; leaving it", file.id());
            return false;
        }
        events.publish(next.id, Change.UPDATED, next.version);
        return true;
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
