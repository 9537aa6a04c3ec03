package org.backrelief.common.domain;

/** The body position an exercise is done in. */
public enum Position {
    STANDING,
    SEATED,
    ALL_FOURS,
    SUPINE,
    PRONE,
    SIDE_LYING,
    KNEELING,
    IN_WATER
}
