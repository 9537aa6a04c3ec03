package org.backrelief.common.domain;

/**
 * Where a number (a dose, a phase duration) comes from: {@link #GUIDE} when the back-pain workout guide states it,
 * {@link #DEFAULT} when the guide is silent and BackRelief chose it (the accompanying note names the source).
 */
public enum Source {
    GUIDE,
    DEFAULT
}
