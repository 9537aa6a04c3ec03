package org.backrelief.planner.support;

import java.util.List;

import org.backrelief.common.problem.Problem;
import org.backrelief.common.problem.ProblemException;
import org.backrelief.planner.routine.NoSafeRoutineException;
import org.backrelief.planner.safety.SafetyDecision;

/** The planner's own problem types (422s); everything generic comes from {@link ProblemException}'s factories. */
public final class PlannerProblems {

    public static final int UNPROCESSABLE = 422;

    private PlannerProblems() {
    }

    /** No plan while a red flag stands: type {@code red-flag-urgent-care} or {@code red-flag-see-clinician}. */
    public static ProblemException blocked(SafetyDecision decision) {
        boolean urgent = decision.outcome() == SafetyDecision.Outcome.URGENT_CARE;
        return new ProblemException(UNPROCESSABLE, urgent ? "red-flag-urgent-care" : "red-flag-see-clinician",
                urgent ? "No plan: seek urgent care" : "No plan until a clinician has cleared you", decision.message(),
                List.of(new Problem.Violation("redFlags", decision.message())));
    }

    public static ProblemException noSafeRoutine(NoSafeRoutineException e) {
        return new ProblemException(UNPROCESSABLE, "no-suitable-exercises", "No safe routine fits this profile",
                e.getMessage(), List.of(new Problem.Violation(e.field(), e.getMessage())));
    }
}
