package org.backrelief.catalog.exercise;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.backrelief.catalog.events.ExerciseChangePublisher;
import org.backrelief.catalog.readmodel.CatalogSnapshot;
import org.backrelief.catalog.readmodel.ExerciseReadModel;
import org.backrelief.common.events.ExerciseChangedV1.Change;
import org.backrelief.common.problem.Problem;
import org.backrelief.common.problem.ProblemException;

import com.mongodb.client.model.Updates;

/**
 * Reads and edits the catalog. Reads come from the in-memory {@link ExerciseReadModel}. Every write is conditional on
 * the version the editor saw (optimistic concurrency), rebuilds the read model and is followed by an exercise-changed
 * event.
 */
@ApplicationScoped
public class ExerciseService {

    private final ExerciseRepository repository;
    private final ExerciseChangePublisher events;
    private final ExerciseReadModel readModel;

    public ExerciseService(ExerciseRepository repository, ExerciseChangePublisher events,
            ExerciseReadModel readModel) {
        this.repository = repository;
        this.events = events;
        this.readModel = readModel;
    }

    /** A rendered page, from the in-memory read model (no database call). */
    public CatalogSnapshot.Page search(ExerciseCriteria criteria) {
        return readModel.snapshot().search(criteria);
    }

    /**
     * One exercise from the read model. Deleted exercises are returned too (with {@code deleted: true}) so plans that
     * reference them keep working.
     */
    public CatalogSnapshot.Item get(String id) {
        CatalogSnapshot.Item item = readModel.snapshot().get(id);
        if (item == null) {
            throw ProblemException.notFound("Exercise '" + id + "'");
        }
        return item;
    }

    public Exercise create(Exercise exercise) {
        checkLadder(exercise);
        if (repository.findByIdOptional(exercise.id()).isPresent()) {
            throw alreadyExists(exercise.id());
        }
        Instant now = Instant.now();
        ExerciseEntity entity = ExerciseEntity.withContentOf(exercise);
        entity.version = 1;
        entity.updatedAt = now;
        entity.origin = Origin.API;
        entity.editedViaApi = true;
        entity.apiEditedAt = now;
        if (!repository.insert(entity)) {
            throw alreadyExists(exercise.id());
        }
        readModel.rebuild();
        events.publish(entity.id, Change.CREATED, entity.version);
        return entity.toExercise();
    }

    /**
     * Replaces the exercise if it still has {@code expectedVersion}. A soft-deleted exercise is restored by a PUT.
     */
    public Exercise update(String id, Exercise exercise, long expectedVersion) {
        if (!id.equals(exercise.id())) {
            throw ProblemException.badRequest("id", "must equal the id in the path ('" + id + "')");
        }
        ExerciseEntity current = load(id);
        requireVersion(current, expectedVersion);
        checkLadder(exercise);
        Instant now = Instant.now();
        ExerciseEntity next = ExerciseEntity.withContentOf(exercise);
        next.version = current.version + 1;
        next.updatedAt = now;
        next.deleted = false;
        next.origin = current.origin;
        next.contentVersion = current.contentVersion;
        next.contentHash = current.contentHash;
        next.editedViaApi = true;
        next.apiEditedAt = now;
        if (!repository.replaceIfVersion(next, expectedVersion)) {
            throw stale(id, expectedVersion, load(id).version);
        }
        readModel.rebuild();
        events.publish(id, Change.UPDATED, next.version);
        return next.toExercise();
    }

    /** Soft delete; deleting a deleted exercise changes nothing. */
    public void delete(String id, Long expectedVersion) {
        ExerciseEntity current = load(id);
        if (expectedVersion != null) {
            requireVersion(current, expectedVersion);
        }
        if (current.deleted) {
            return;
        }
        Instant now = Instant.now();
        boolean done = repository.updateIfVersion(id, current.version, Updates.combine(
                Updates.set("deleted", true),
                Updates.set("updatedAt", now),
                Updates.set("editedViaApi", true),
                Updates.set("apiEditedAt", now),
                Updates.inc("version", 1L)));
        if (!done) {
            throw stale(id, current.version, load(id).version);
        }
        readModel.rebuild();
        events.publish(id, Change.DELETED, current.version + 1);
    }

    private ExerciseEntity load(String id) {
        return repository.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Exercise '" + id + "'"));
    }

    /** Every other exercise on the ladder must exist, or the planner could not progress to it. */
    private void checkLadder(Exercise exercise) {
        Set<String> others = new LinkedHashSet<>(exercise.ladder());
        others.remove(exercise.id());
        if (others.isEmpty()) {
            return;
        }
        List<String> existing = repository.existingIds(others);
        List<Problem.Violation> violations = new ArrayList<>();
        for (int i = 0; i < exercise.ladder().size(); i++) {
            String ref = exercise.ladder().get(i);
            if (!ref.equals(exercise.id()) && !existing.contains(ref)) {
                violations.add(new Problem.Violation("ladder[" + i + "]", "unknown exercise '" + ref + "'"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid request",
                    violations.get(0).field() + ": " + violations.get(0).message(), violations);
        }
    }

    private static void requireVersion(ExerciseEntity current, long expectedVersion) {
        if (current.version != expectedVersion) {
            throw stale(current.id, expectedVersion, current.version);
        }
    }

    private static ProblemException stale(String id, long sent, long current) {
        return ProblemException.conflict("Exercise '" + id + "' has changed: you sent version " + sent
                + " but the current version is " + current + ". Reload it and apply your change again.");
    }

    private static ProblemException alreadyExists(String id) {
        return ProblemException.conflict("An exercise with id '" + id + "' already exists (possibly deleted); "
                + "choose another id or PUT to change it");
    }
}
