package org.backrelief.common.domain;

/** The five phases of a workout, in the order the guide prescribes. */
public enum Phase {
    WARM_UP,
    STRENGTHENING,
    STRETCHING,
    LOW_IMPACT_CARDIO,
    COOL_DOWN
}
