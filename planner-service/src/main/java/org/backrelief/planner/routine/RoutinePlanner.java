package org.backrelief.planner.routine;

import org.backrelief.planner.catalog.CatalogSnapshot;
import org.backrelief.planner.profile.ProfileSpec;
import org.backrelief.planner.safety.SafetyDecision;
import org.backrelief.planner.safety.SafetyGate;

/** The safety gate, then the composer: the one way a routine is made, for previews and for plan sessions alike. */
public final class RoutinePlanner {

    private final SafetyGate gate = new SafetyGate();
    private final RoutineComposer composer = new RoutineComposer();

    /** @param pain the pain that decides today's mode (the profile's, or the latest report) */
    public RoutineResponse plan(ProfileSpec profile, int pain, int day, long seed, int step, CatalogSnapshot snapshot) {
        SafetyDecision decision = gate.evaluate(profile.redFlags(), profile.clearedByClinician(), pain);
        if (decision.blocked()) {
            return RoutineResponse.blocked(decision);
        }
        Routine.Mode mode = decision.outcome() == SafetyDecision.Outcome.GENTLE_ONLY ? Routine.Mode.GENTLE
                : Routine.Mode.STANDARD;
        ProfileSpec today = pain == profile.currentPain() ? profile : withPain(profile, pain);
        return RoutineResponse.ready(decision, composer.compose(today, day, seed, step, mode, snapshot));
    }

    public SafetyDecision screen(ProfileSpec profile) {
        return screen(profile, profile.currentPain());
    }

    public SafetyDecision screen(ProfileSpec profile, int pain) {
        return gate.evaluate(profile.redFlags(), profile.clearedByClinician(), pain);
    }

    static ProfileSpec withPain(ProfileSpec p, int pain) {
        return new ProfileSpec(p.level(), p.minutesPerSession(), p.sessionsPerWeek(), p.equipment(),
                p.avoidPositions(), p.preferences(), pain, p.redFlags(), p.clearedByClinician(), p.zoneId(),
                p.doctorCheckedStrengthening());
    }
}
