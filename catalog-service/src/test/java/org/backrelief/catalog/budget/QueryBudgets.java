package org.backrelief.catalog.budget;

/**
 * The MongoDB round trips each hot catalog read may make: the one home of these budgets (issue 18; the catalog README
 * shows the same table). Reads are served from the in-memory read model, so they make none; only writes and the
 * read model's scheduled check (one projection of ids and versions per interval, whatever the traffic) reach MongoDB.
 * {@link QueryBudgetTest} fails when a read makes more.
 */
public final class QueryBudgets {

    private QueryBudgets() {
    }

    /** A page of the exercise list, filtered, searched and sorted or not. */
    public static final int LIST = 0;
    /** One exercise by id. */
    public static final int GET = 0;
}
