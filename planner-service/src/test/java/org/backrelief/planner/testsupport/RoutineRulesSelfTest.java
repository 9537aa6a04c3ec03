package org.backrelief.planner.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.backrelief.common.domain.Equipment;
import org.backrelief.common.domain.Level;
import org.backrelief.planner.profile.AvoidPosition;
import org.backrelief.planner.profile.ProfileSpec;
import org.backrelief.planner.routine.Routine;
import org.backrelief.planner.routine.RoutineComposer;
import org.junit.jupiter.api.Test;

/** The rule checker the properties rely on does catch broken routines. */
class RoutineRulesSelfTest {

    static final ProfileSpec OPEN = new ProfileSpec(Level.ADVANCED, 45, 3, Set.of(Equipment.values()), Set.of(),
            Set.of(), 2, Set.of(), false, "UTC");

    private final Routine routine = new RoutineComposer().compose(OPEN, 0, 0, 5, Routine.Mode.STANDARD,
            CatalogContent.snapshot());

    @Test
    void aValidRoutinePasses() {
        assertThat(RoutineRules.violations(OPEN, routine, CatalogContent.snapshot())).isEmpty();
    }

    @Test
    void theSameRoutineBreaksAStricterProfile() {
        ProfileSpec strict = new ProfileSpec(Level.BEGINNER, 20, 3, Set.of(), Set.of(AvoidPosition.values()), Set.of(),
                5, Set.of(), false, "UTC");
        assertThat(RoutineRules.violations(strict, routine, CatalogContent.snapshot()))
                .anyMatch(v -> v.contains("breaks avoid"))
                .anyMatch(v -> v.contains("not within 10 %"));
    }

    @Test
    void reorderedOrDuplicatedPhasesAreCaught() {
        List<Routine.RoutinePhase> phases = new ArrayList<>(routine.phases());
        phases.set(4, phases.get(0));
        Routine broken = new Routine(routine.mode(), routine.requestedMinutes(), routine.targetSeconds(),
                routine.estimatedSeconds(), routine.step(), routine.day(), phases, routine.cautions(), routine.advice());
        assertThat(RoutineRules.violations(OPEN, broken, CatalogContent.snapshot()))
                .anyMatch(v -> v.contains("phase 4 is WARM_UP"));
    }
}
