package org.backrelief.planner.plan;

/** A program's state: the user's current one, or one a newer program has replaced. */
public enum PlanStatus {
    ACTIVE, REPLACED
}
