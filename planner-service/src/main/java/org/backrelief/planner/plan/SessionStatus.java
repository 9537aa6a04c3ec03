package org.backrelief.planner.plan;

/** A session's state: open (scheduled) or done. */
public enum SessionStatus {
    SCHEDULED, COMPLETED
}
