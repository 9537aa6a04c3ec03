package org.backrelief.common.domain;

/** Equipment an exercise needs; {@code NONE} is only a filter value ("I have nothing"). */
public enum Equipment {
    NONE,
    MAT,
    CHAIR,
    FOAM_ROLLER,
    TREADMILL,
    STATIONARY_BIKE,
    BICYCLE,
    POOL,
    ELLIPTICAL
}
