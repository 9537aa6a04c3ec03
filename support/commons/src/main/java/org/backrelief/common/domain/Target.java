package org.backrelief.common.domain;

/** What an exercise works on. */
public enum Target {
    CORE,
    LOWER_BACK,
    UPPER_BACK,
    GLUTES,
    HAMSTRINGS,
    HIP_FLEXORS,
    LEGS,
    SHOULDERS,
    FULL_BODY,
    CARDIOVASCULAR,
    MIND_BREATHING
}
