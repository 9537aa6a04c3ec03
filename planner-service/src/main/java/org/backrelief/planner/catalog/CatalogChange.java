package org.backrelief.planner.catalog;

import java.util.OptionalLong;

/**
 * What one exercise-changed event promises about the catalog: the exercise at {@code version} or later, or gone from
 * the list when the change was a (soft) delete. A catalog-service replica serves another replica's write only about a
 * second later (its read model), so a reload right after the event may not show it yet: this says whether it does.
 */
public record CatalogChange(String exerciseId, long version, boolean deleted) {

    /** True when {@code snapshot} is at least as new as this change for its exercise. */
    public boolean seenIn(CatalogSnapshot snapshot) {
        OptionalLong listed = snapshot.listedVersion(exerciseId);
        if (listed.isPresent()) {
            // at or past the event's version: caught up (a later update or a restore after a delete counts too)
            return listed.getAsLong() >= version;
        }
        // not listed: what a delete leads to; after a create or an update, a replica that has not caught up yet
        return deleted;
    }
}
