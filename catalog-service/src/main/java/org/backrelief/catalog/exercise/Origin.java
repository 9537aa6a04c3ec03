package org.backrelief.catalog.exercise;

/** Where an exercise was created. */
public enum Origin {
    /** Loaded from a content file in the repository. */
    CONTENT,
    /** Created by an editor through the API. */
    API
}
