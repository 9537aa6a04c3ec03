package org.backrelief.tracking.budget;

/**
 * The MongoDB round trips each hot tracker operation may make: the one home of these budgets (issue 18; the tracking
 * README shows the same table). {@link QueryBudgetTest} measures each operation with {@link TrackingMongoCommands}
 * and fails when one makes more; lower a budget when a change saves a round trip, never raise one without a reason
 * here. HTTP reads reuse the generation pointer for {@code GENERATION_REFRESH}, so it is not part of a read's budget.
 */
public final class QueryBudgets {

    private QueryBudgets() {
    }

    /** A history page that shows its own total (not full, or the first page): the page query alone. */
    public static final int HISTORY_PAGE = 1;
    /** A full history page: the page query and one count. */
    public static final int HISTORY_PAGE_WITH_COUNT = 2;
    /** The statistics: the person's sessions and check-ins, one query each. */
    public static final int STATS = 2;
    /**
     * Storing one polled batch (any size, up to {@code INGEST_MAX_POLL_RECORDS}) of sessions and check-ins: the
     * generation pointer (a batch must see a rebuild's claim at once), one unordered insert per collection.
     */
    public static final int INGEST_BATCH = 3;
    /** The same batch delivered again: its inserts find every key taken, and one read per collection compares ranks. */
    public static final int INGEST_BATCH_REDELIVERED = 5;
}
