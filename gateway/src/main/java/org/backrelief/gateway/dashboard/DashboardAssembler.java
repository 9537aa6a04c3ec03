package org.backrelief.gateway.dashboard;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Builds the dashboard from what the backends answered. It reads only two fields of the statistics, and
 * defensively: a field the tracker renames or drops leaves its section empty, never the dashboard broken.
 */
public final class DashboardAssembler {

    /** tracking-service's statistics field with the current and longest streaks. */
    static final String STREAK_FIELD = "streaks";
    /** tracking-service's statistics field with completed vs. scheduled sessions per program week. */
    static final String ADHERENCE_FIELD = "adherence";

    private DashboardAssembler() {
    }

    public static Dashboard assemble(Fetched next, Fetched stats, Fetched pain) {
        return new Dashboard(nextSession(next), pick(stats, STREAK_FIELD), pick(stats, ADHERENCE_FIELD),
                painTrend(pain));
    }

    /** No program yet (404) is not an outage: the section is there, just empty. */
    static Section nextSession(Fetched next) {
        if (next.failure() == null && next.status() == 404) {
            return Section.empty();
        }
        return next.ok() ? Section.of(next.body()) : unavailable(next);
    }

    static Section painTrend(Fetched pain) {
        return pain.ok() ? Section.of(pain.body()) : unavailable(pain);
    }

    /** One field of the statistics; absent or null gives an empty section. */
    static Section pick(Fetched stats, String field) {
        if (!stats.ok()) {
            return unavailable(stats);
        }
        JsonNode value = stats.body().get(field);
        return value != null && !value.isNull() ? Section.of(value) : Section.empty();
    }

    private static Section unavailable(Fetched fetched) {
        if (fetched.failure() != null) {
            return Section.unavailable(fetched.failure());
        }
        return Section.unavailable(fetched.backend().serviceName() + " answered HTTP " + fetched.status());
    }
}
