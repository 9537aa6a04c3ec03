package org.backrelief.planner.safety;

import java.util.List;

/** What the safety gate allows today, and what to tell the person. */
public record SafetyDecision(Outcome outcome, List<RedFlag> flags, String message, List<String> advice) {

    public enum Outcome {
        /** A normal routine. */
        PROCEED,
        /** Pain of {@value SafetyGate#GENTLE_ONLY_PAIN}/10 or more: gentle mobility, breathing and relaxation only. */
        GENTLE_ONLY,
        /** An urgent red flag: no routine at all, seek urgent care. */
        URGENT_CARE,
        /** A see-a-clinician red flag: no routine until cleared. */
        SEE_CLINICIAN
    }

    public boolean blocked() {
        return outcome == Outcome.URGENT_CARE || outcome == Outcome.SEE_CLINICIAN;
    }
}
