package org.backrelief.planner.completion;

import org.backrelief.planner.plan.PlanEntity;
import org.backrelief.planner.plan.SessionEntity;
import org.backrelief.planner.profile.ProfileEntity;

/**
 * Everything a completion decides on, read in one round trip ({@link CompletionRepository#context}): the session,
 * its completion if one is stored already (a retry), its plan and its owner's profile (either may be null).
 */
public record CompletionContext(SessionEntity session, CompletionEntity existing, PlanEntity plan,
        ProfileEntity profile) {
}
