package org.backrelief.common.domain;

public enum Level {
    BEGINNER,
    INTERMEDIATE,
    ADVANCED
}
