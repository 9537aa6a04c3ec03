package org.backrelief.planner.profile;

import org.backrelief.planner.plan.PlanEntity;

/** Which time zone is the user's ("today" and session dates are in it): the one home of this rule. */
public final class UserZone {

    private UserZone() {
    }

    /** The profile's zone; else the zone the plan was made in; else {@value ProfileSpec#DEFAULT_ZONE}. */
    public static String of(ProfileEntity profile, PlanEntity plan) {
        if (profile != null && profile.zoneId != null) {
            return profile.zoneId;
        }
        return plan != null && plan.zoneId != null ? plan.zoneId : ProfileSpec.DEFAULT_ZONE;
    }
}
