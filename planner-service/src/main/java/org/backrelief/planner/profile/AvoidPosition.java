package org.backrelief.planner.profile;

import org.backrelief.common.domain.Position;
import org.backrelief.planner.catalog.CatalogExercise;

/**
 * Something a person cannot or should not do. {@link #FLOOR} ("I cannot get down to the floor") excludes every
 * exercise the catalog marks {@code floor: true}; {@link #KNEELING} also excludes all-fours work, because the knees
 * carry weight there too; every other value excludes the catalog position of the same name.
 */
public enum AvoidPosition {
    FLOOR,
    KNEELING,
    ALL_FOURS,
    PRONE,
    SUPINE,
    SIDE_LYING,
    SEATED,
    STANDING,
    IN_WATER;

    public boolean excludes(CatalogExercise exercise) {
        return excludes(exercise.position(), exercise.floor());
    }

    /** Whether this rules out a version of an exercise done in {@code position} ({@code floor}: down on the floor). */
    public boolean excludes(Position position, boolean floor) {
        return switch (this) {
            case FLOOR -> floor;
            case KNEELING -> position == Position.KNEELING || position == Position.ALL_FOURS;
            case ALL_FOURS -> position == Position.ALL_FOURS;
            case PRONE -> position == Position.PRONE;
            case SUPINE -> position == Position.SUPINE;
            case SIDE_LYING -> position == Position.SIDE_LYING;
            case SEATED -> position == Position.SEATED;
            case STANDING -> position == Position.STANDING;
            case IN_WATER -> position == Position.IN_WATER;
        };
    }
}
