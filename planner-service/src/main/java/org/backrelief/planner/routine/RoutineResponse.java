package org.backrelief.planner.routine;

import java.util.List;

import org.backrelief.planner.safety.RedFlag;
import org.backrelief.planner.safety.SafetyDecision;
import org.backrelief.planner.safety.SafetyGate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to "what do I do today": a routine, or a clear reason why there is none. A blocked answer never carries
 * a routine (not even part of one).
 *
 * @param message what to tell the person (why they are blocked, or why today is gentle-only)
 */
@Schema(description = "Today's routine, or why there is none")
public record RoutineResponse(
        @Schema(example = "READY") Status status,
        Blocked blocked,
        @Schema(example = "Your pain is 8/10 today. Only gentle mobility, breathing and relaxation.") String message,
        Routine routine) {

    public enum Status {
        /** A normal routine. */
        READY,
        /** Pain of {@value SafetyGate#GENTLE_ONLY_PAIN}/10 or more: a gentle routine. */
        GENTLE_ONLY,
        /** No routine: see {@link Blocked#reason()}. */
        BLOCKED
    }

    public enum Reason {
        /** An urgent red flag: seek urgent care. */
        URGENT_CARE,
        /** A see-a-clinician red flag not yet cleared. */
        SEE_CLINICIAN,
        /** Pain has jumped since the red-flag screen: answer it again first. */
        RED_FLAG_RECHECK
    }

    @Schema(name = "Blocked")
    public record Blocked(
            @Schema(example = "URGENT_CARE") Reason reason,
            List<RedFlag> flags,
            @Schema(example = "Do not exercise: seek urgent care now.") String message) {
    }

    public static RoutineResponse ready(SafetyDecision decision, Routine routine) {
        Status status = routine.mode() == Routine.Mode.GENTLE ? Status.GENTLE_ONLY : Status.READY;
        return new RoutineResponse(status, null, decision.message(), routine);
    }

    public static RoutineResponse blocked(SafetyDecision decision) {
        Reason reason = decision.outcome() == SafetyDecision.Outcome.URGENT_CARE ? Reason.URGENT_CARE
                : Reason.SEE_CLINICIAN;
        return new RoutineResponse(Status.BLOCKED, new Blocked(reason, decision.flags(), decision.message()),
                decision.message(), null);
    }

    public static RoutineResponse recheck(String message) {
        return new RoutineResponse(Status.BLOCKED, new Blocked(Reason.RED_FLAG_RECHECK, List.of(), message), message,
                null);
    }
}
