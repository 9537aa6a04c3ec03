package org.backrelief.planner.budget;

/**
 * The MongoDB round trips each hot planner operation may make: the one home of these budgets (issue 18; the planner
 * README shows the same table). {@link QueryBudgetTest} measures each operation with {@link PlannerMongoCommands} and fails
 * when one makes more; lower a budget when a change saves a round trip, never raise one without a reason here.
 */
public final class QueryBudgets {

    private QueryBudgets() {
    }

    /*
     * Measured by QueryBudgetTest (2026-12-05, after issue 18's change: completion was 8, program creation 4, a
     * check-in 11 and recomposing one update per open session).
     */

    /**
     * Completing a session that moves neither the step schedule nor today's mode: session + completion + plan +
     * profile in one read ($lookup), the completion insert (record, idempotency key and outbox entry at once), the
     * session marked done, the plan's versioned update. The completion's {@code adapted} flag is confirmed later by
     * the adaptation sweep from the plan's applied reports.
     */
    public static final int COMPLETION = 4;
    /** A retried completion: the same one read finds the stored completion and answers it. */
    public static final int COMPLETION_RETRY = 1;
    /** Creating a program: profile, sessions (one insertMany), plan upserted and older plans replaced (one update). */
    public static final int PROGRAM_CREATION = 3;
    /** The next session: the active plan, the profile, the session (its routine is stored; recomposed only on change). */
    public static final int NEXT_SESSION = 3;
    /**
     * A next-day check-in about the last completed session, before recomposing open sessions: profile, active plan,
     * last completed session (it carries the pain before it), the check-in insert, the plan's versioned update.
     */
    public static final int CHECK_IN = 5;
    /** Recomposing after a step back or a mode change: one read of the open sessions, one bulk write of them all. */
    public static final int RECOMPOSING = 2;
}
