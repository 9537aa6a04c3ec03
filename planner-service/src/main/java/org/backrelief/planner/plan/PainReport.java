package org.backrelief.planner.plan;

import java.time.Instant;

import org.backrelief.planner.progression.PainAdaptation;
import org.backrelief.planner.progression.SessionEffort;

/**
 * A pain report about one session (its completion, or the next day's check-in), as a plan applies it.
 *
 * @param key applied once per key ({@code PlanEntity.appliedReports}): {@code completion:<id>}, {@code checkin:<id>}
 * @param trigger {@link AdjustmentView#COMPLETION} or {@link AdjustmentView#CHECK_IN}
 * @param painBefore the pain before the session (null when unknown)
 * @param sessionWeek the program week of the session reported on; {@code sessionStep} its step
 * @param effort how much of the session was done (completions only; null for a check-in)
 */
public record PainReport(String planId, String key, String trigger, String sessionId, String checkInId,
        Integer painBefore, int pain, PainAdaptation.Assessment assessment, int sessionWeek, int sessionStep,
        Instant at, SessionEffort effort) {
}
