package org.backrelief.common.domain;

public enum Impact {
    NONE,
    LOW,
    MODERATE
}
