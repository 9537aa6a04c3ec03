package org.backrelief.common.events;

/** Data of {@link EventTypes#EXERCISE_CHANGED_V1}: an exercise was created, updated or (soft-)deleted. */
public record ExerciseChangedV1(int schemaVersion, String exerciseId, Change change, long version) {

    public static final int SCHEMA_VERSION = 1;

    public enum Change {
        CREATED,
        UPDATED,
        DELETED
    }
}
