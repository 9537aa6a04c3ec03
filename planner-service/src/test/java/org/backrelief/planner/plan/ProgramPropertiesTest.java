package org.backrelief.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.backrelief.planner.catalog.CatalogSnapshot;
import org.backrelief.planner.plan.ProgramBuilder.ScheduledSession;
import org.backrelief.planner.profile.AvoidPosition;
import org.backrelief.planner.profile.ProfileSpec;
import org.backrelief.planner.progression.ProgressionRules;
import org.backrelief.planner.progression.StepAnchor;
import org.backrelief.planner.testsupport.CatalogContent;
import org.backrelief.planner.testsupport.RoutineRules;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Every session of every program keeps the routine rules, and the schedule matches the profile. */
class ProgramPropertiesTest {

    static final CatalogSnapshot CATALOG = CatalogContent.snapshot();
    static final LocalDate START = LocalDate.of(2025, 3, 3);
    private final ProgramBuilder builder = new ProgramBuilder();

    @Property(tries = 1000)
    void everyProgramSessionKeepsTheRules(@ForAll("profiles") ProfileSpec profile,
            @ForAll @IntRange(min = 1, max = 8) int weeks, @ForAll long seed) {
        int startStep = ProgressionRules.startStep(profile.level());
        List<ScheduledSession> sessions = builder.build(profile, profile.currentPain(), START, weeks, seed,
                StepAnchor.start(startStep), CATALOG);

        assertThat(sessions).hasSize(weeks * profile.sessionsPerWeek());
        LocalDate previous = null;
        for (ScheduledSession session : sessions) {
            int week = session.index() / profile.sessionsPerWeek() + 1;
            assertThat(session.weekNumber()).isEqualTo(week);
            assertThat(session.date()).isBetween(START.plusDays((week - 1) * 7L), START.plusDays(week * 7L - 1));
            if (previous != null) {
                assertThat(session.date()).isAfter(previous);
            }
            previous = session.date();
            // time-contingent: one step up per week from the level's start, never past the guide's full dose
            assertThat(session.step()).isEqualTo(Math.min(ProgressionRules.MAX_STEP, startStep + week - 1));
            assertThat(RoutineRules.violations(profile, session.routine().routine(), CATALOG))
                    .as("session %d of %s", session.index(), profile).isEmpty();
        }
    }

    /** Issue 14: "10 repetitions performed two or three times per week": never more back extensions in a week. */
    @Property(tries = 1000)
    void backExtensionsAtMostThreeTimesAWeekAndEverySessionWarmsUpBeforeStretching(
            @ForAll("profiles") ProfileSpec profile, @ForAll @IntRange(min = 1, max = 8) int weeks, @ForAll long seed) {
        List<ScheduledSession> sessions = builder.build(profile, profile.currentPain(), START, weeks, seed,
                StepAnchor.start(ProgressionRules.startStep(profile.level())), CATALOG);
        java.util.Map<String, Integer> perWeek = new java.util.HashMap<>();
        for (ScheduledSession session : sessions) {
            assertThat(RoutineRules.warmUpOrderViolations(session.routine().routine(), CATALOG))
                    .as("session %d of %s", session.index(), profile).isEmpty();
            for (var phase : session.routine().routine().phases()) {
                for (var e : phase.exercises()) {
                    var limit = CATALOG.exercise(e.exerciseId()).orElseThrow().phases().stream()
                            .filter(p -> p.phase() == phase.phase()).findFirst().orElseThrow().dose().timesPerWeek();
                    if (limit != null) {
                        int count = perWeek.merge(session.weekNumber() + ":" + e.exerciseId(), 1, Integer::sum);
                        assertThat(count).as("%s in week %d of %s", e.exerciseId(), session.weekNumber(), profile)
                                .isLessThanOrEqualTo(limit.max());
                    }
                }
            }
        }
    }

    @Provide
    Arbitrary<ProfileSpec> profiles() {
        return Combinators.combine(
                org.backrelief.planner.routine.RoutineComposerPropertiesTest.profiles(
                        Arbitraries.of(AvoidPosition.class).set().ofMaxSize(1), Arbitraries.integers().between(0, 10)),
                Arbitraries.integers().between(1, 7))
                .as((p, perWeek) -> new ProfileSpec(p.level(), p.minutesPerSession(), perWeek, p.equipment(),
                        p.avoidPositions(), p.preferences(), p.currentPain(), p.redFlags(), p.clearedByClinician(),
                        p.zoneId(), p.doctorCheckedStrengthening()))
                // no warming movement allowed: refused (never stretch cold), see RoutineComposerPropertiesTest
                .filter(p -> RoutineRules.anyWarmingMovementAllowed(p, CATALOG));
    }
}
