package org.backrelief.catalog.exercise;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.backrelief.common.domain.Equipment;
import org.backrelief.common.domain.Impact;
import org.backrelief.common.domain.Level;
import org.backrelief.common.domain.Position;
import org.backrelief.common.domain.Target;
import org.bson.codecs.pojo.annotations.BsonId;

import io.quarkus.mongodb.panache.common.MongoEntity;

/**
 * The stored exercise: the content fields of {@link Exercise} plus bookkeeping for optimistic concurrency, soft
 * delete and the content loader. Nested {@link PhaseDose}/{@link Dose}/{@link Range} records are stored as
 * sub-documents by the driver's record codec.
 */
@MongoEntity(collection = "exercises")
public class ExerciseEntity {

    @BsonId
    public String id;
    public String name;
    /** Lower-cased name, so sorting by name is case-insensitive without a collation. */
    public String sortName;
    public List<String> aliases;
    public String summary;
    public List<String> steps;
    public List<PhaseDose> phases;
    public List<Target> targets;
    public List<Equipment> equipment;
    public Position position;
    public boolean floor;
    public Impact impact;
    public int difficulty;
    public Level minLevel;
    public String breathing;
    public List<String> cautions;
    public boolean consultDoctorFirst;
    public List<String> ladder;

    public long version;
    public boolean deleted;
    public Instant updatedAt;
    public Origin origin;
    /** Content file version and hash last applied; null for exercises created through the API. */
    public Integer contentVersion;
    public String contentHash;
    public boolean editedViaApi;
    public Instant apiEditedAt;

    /** Copies the content fields of {@code exercise}; bookkeeping fields are left for the caller to set. */
    public static ExerciseEntity withContentOf(Exercise exercise) {
        ExerciseEntity entity = new ExerciseEntity();
        entity.id = exercise.id();
        entity.name = exercise.name();
        entity.sortName = exercise.name().toLowerCase(Locale.ROOT);
        entity.aliases = List.copyOf(exercise.aliases());
        entity.summary = exercise.summary();
        entity.steps = List.copyOf(exercise.steps());
        entity.phases = List.copyOf(exercise.phases());
        entity.targets = List.copyOf(exercise.targets());
        entity.equipment = List.copyOf(exercise.equipment());
        entity.position = exercise.position();
        entity.floor = exercise.floor();
        entity.impact = exercise.impact();
        entity.difficulty = exercise.difficulty();
        entity.minLevel = exercise.minLevel();
        entity.breathing = exercise.breathing();
        entity.cautions = List.copyOf(exercise.cautions());
        entity.consultDoctorFirst = exercise.consultDoctorFirst();
        entity.ladder = List.copyOf(exercise.ladder());
        return entity;
    }

    public Exercise toExercise() {
        return new Exercise(id, contentVersion, name, aliases, summary, steps, phases, targets, equipment, position,
                floor, impact, difficulty, minLevel, breathing, cautions, consultDoctorFirst, ladder, null, version,
                deleted, updatedAt, origin, editedViaApi);
    }
}
