package org.backrelief.common.events;

/** The CloudEvent types of BackRelief; the suffix is the schema version of the data. */
public final class EventTypes {

    public static final String SESSION_COMPLETED_V1 = "org.backrelief.session.completed.v1";
    public static final String PAIN_CHECKIN_V1 = "org.backrelief.pain.checkin.v1";
    public static final String EXERCISE_CHANGED_V1 = "org.backrelief.catalog.exercise-changed.v1";

    private EventTypes() {
    }
}
