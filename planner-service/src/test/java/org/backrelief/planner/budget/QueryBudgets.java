package org.backrelief.planner.budget;

/**
 * The MongoDB round trips each hot planner operation may make: the one home of these budgets (issue 18; the planner
 * README shows the same table). {@link QueryBudgetTest} measures each operation with {@link MongoCommands} and fails
 * when one makes more; lower a budget when a change saves a round trip, never raise one without a reason here.
 */
public final class QueryBudgets {

    private QueryBudgets() {
    }

    /*
     * These are TODAY's measured counts (QueryBudgetTest, 2026-12-05), so that adding a round trip fails now.
     * Issue 18's targets are not met yet: completion <= 4 (read session, plan, profile and completion in one $lookup;
     * the adapted flag confirmed by the sweep), program creation <= 3 (plan insert and replacing older plans in one
     * update command), recomposed sessions in one bulk write.
     */

    /** Completing a session that moves neither the step schedule nor today's mode (target 4). */
    public static final int COMPLETION = 8;
    /** A retried completion: the session and the stored completion. */
    public static final int COMPLETION_RETRY = 2;
    /** Creating a program: profile, sessions (one insertMany), plan, older plans replaced (target 3). */
    public static final int PROGRAM_CREATION = 4;
    /** The next session: the active plan, the profile, the session (its routine is stored; recomposed only on change). */
    public static final int NEXT_SESSION = 3;
    /** A next-day check-in about the last completed session, before recomposing open sessions. */
    public static final int CHECK_IN = 11;
    /** Recomposing after a step back or a mode change: one read of the open sessions (completions only)... */
    public static final int REBUILD_READ = 1;
    /** ...and one update per open session recomposed (target: one bulk write). */
    public static int recomposing(int openSessions) {
        return openSessions;
    }
}
