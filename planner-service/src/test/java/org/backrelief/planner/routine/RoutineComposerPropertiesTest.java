package org.backrelief.planner.routine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.backrelief.common.domain.Equipment;
import org.backrelief.common.domain.Level;
import org.backrelief.common.domain.Phase;
import org.backrelief.planner.catalog.CatalogSnapshot;
import org.backrelief.planner.profile.AvoidPosition;
import org.backrelief.planner.profile.Preference;
import org.backrelief.planner.profile.ProfileSpec;
import org.backrelief.planner.progression.ProgressionRules;
import org.backrelief.planner.testsupport.CatalogContent;
import org.backrelief.planner.testsupport.RoutineRules;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Every hard rule holds for every routine, over random profiles composed from the real catalog content. A profile
 * may be refused only for a reason that is really true of it.
 */
public class RoutineComposerPropertiesTest {

    static final CatalogSnapshot CATALOG = CatalogContent.snapshot();
    private final RoutineComposer composer = new RoutineComposer();

    @Property(tries = 1000)
    void everyRoutineKeepsTheHardRules(@ForAll("profiles") ProfileSpec profile,
            @ForAll @IntRange(min = 0, max = 400) int day, @ForAll long seed,
            @ForAll @IntRange(min = 0, max = ProgressionRules.MAX_STEP) int step) {
        Routine.Mode mode = profile.currentPain() >= 7 ? Routine.Mode.GENTLE : Routine.Mode.STANDARD;
        Routine routine;
        try {
            routine = composer.compose(profile, day, seed, step, mode, CATALOG);
        } catch (NoSafeRoutineException refused) {
            assertRefusalIsJustified(profile, refused);
            return;
        }
        assertThat(RoutineRules.violations(profile, routine, CATALOG)).as(profile.toString()).isEmpty();
    }

    @Property(tries = 1000)
    void ordinaryProfilesAlwaysGetARoutine(@ForAll("ordinaryProfiles") ProfileSpec profile,
            @ForAll @IntRange(min = 0, max = 400) int day,
            @ForAll @IntRange(min = 0, max = ProgressionRules.MAX_STEP) int step) {
        Routine routine = composer.compose(profile, day, 0, step, Routine.Mode.STANDARD, CATALOG);
        assertThat(RoutineRules.violations(profile, routine, CATALOG)).as(profile.toString()).isEmpty();
    }

    @Property(tries = 1000)
    void sameProfileAndDayGiveTheSameRoutine(@ForAll("ordinaryProfiles") ProfileSpec profile,
            @ForAll @IntRange(min = 0, max = 400) int day, @ForAll long seed) {
        Routine first = composer.compose(profile, day, seed, 1, Routine.Mode.STANDARD, CATALOG);
        Routine again = composer.compose(profile, day, seed, 1, Routine.Mode.STANDARD, CatalogSnapshot.of(
                CatalogContent.exercises(), CatalogContent.UPDATED_AT));
        assertThat(again).isEqualTo(first);
    }

    @Property(tries = 1000)
    void highPainGetsOnlyGentleMobilityBreathingAndRelaxation(@ForAll("profiles") ProfileSpec any,
            @ForAll @IntRange(min = 7, max = 10) int pain, @ForAll @IntRange(min = 0, max = 400) int day) {
        ProfileSpec profile = withPain(any, pain);
        Routine routine;
        try {
            routine = composer.compose(profile, day, 0, ProgressionRules.MAX_STEP, Routine.Mode.GENTLE, CATALOG);
        } catch (NoSafeRoutineException refused) {
            assertRefusalIsJustified(profile, refused);
            return;
        }
        assertThat(routine.mode()).isEqualTo(Routine.Mode.GENTLE);
        assertThat(routine.phases().get(1).exercises()).isEmpty();
        assertThat(routine.phases().get(3).exercises()).isEmpty();
        routine.phases().forEach(phase -> phase.exercises().forEach(e -> assertThat(
                RoutineRules.isGentle(CATALOG.exercise(e.exerciseId()).orElseThrow(), phase.phase()))
                .as(e.exerciseId()).isTrue()));
        assertThat(routine.estimatedSeconds()).isLessThanOrEqualTo(
                Math.min(profile.minutesPerSession(), RoutineRules.GENTLE_MAX_MINUTES) * 60 * 110 / 100);
    }

    /** Issue 14: every warm-up starts with light movement that raises the heart rate; no static stretch before it. */
    @Property(tries = 1000)
    void warmUpMovementComesBeforeAnyStaticStretch(@ForAll("profiles") ProfileSpec profile,
            @ForAll @IntRange(min = 0, max = 400) int day, @ForAll long seed,
            @ForAll @IntRange(min = 0, max = ProgressionRules.MAX_STEP) int step) {
        Routine.Mode mode = profile.currentPain() >= 7 ? Routine.Mode.GENTLE : Routine.Mode.STANDARD;
        Routine routine;
        try {
            routine = composer.compose(profile, day, seed, step, mode, CATALOG);
        } catch (NoSafeRoutineException refused) {
            assertRefusalIsJustified(profile, refused);
            return;
        }
        assertThat(RoutineRules.warmUpOrderViolations(routine, CATALOG)).as(profile.toString()).isEmpty();
    }

    /** Issue 14: progression and time-filling never prescribe more sets, reps or hold than the dose's range. */
    @Property(tries = 1000)
    void noStrengtheningDoseAboveTheGuidesRange(@ForAll("ordinaryProfiles") ProfileSpec profile,
            @ForAll @IntRange(min = 0, max = 400) int day,
            @ForAll @IntRange(min = 0, max = ProgressionRules.MAX_STEP) int step) {
        Routine routine = composer.compose(profile, day, 0, step, Routine.Mode.STANDARD, CATALOG);
        for (Routine.RoutineExercise e : routine.phases().get(1).exercises()) {
            var dose = CATALOG.exercise(e.exerciseId()).orElseThrow().phases().stream()
                    .filter(p -> p.phase() == Phase.STRENGTHENING).findFirst().orElseThrow().dose();
            int maxSets = dose.sets() == null ? 1 : dose.sets().max();
            assertThat(e.prescription().sets()).as(e.exerciseId() + " sets").isLessThanOrEqualTo(maxSets);
            if (e.prescription().reps() != null) {
                assertThat(e.prescription().reps()).as(e.exerciseId() + " reps").isLessThanOrEqualTo(dose.reps().max());
            }
            if (e.prescription().holdSeconds() != null) {
                assertThat(e.prescription().holdSeconds()).as(e.exerciseId() + " hold")
                        .isLessThanOrEqualTo(dose.holdSeconds().max());
            }
        }
    }

    /** Issue 14: one doctor-check notice while the routine has strengthening, until the profile records the check. */
    @Property(tries = 1000)
    void doctorCheckNoticeIsPresentUntilAcknowledged(@ForAll("ordinaryProfiles") ProfileSpec any,
            @ForAll boolean checked, @ForAll @IntRange(min = 0, max = 400) int day) {
        ProfileSpec profile = withDoctorCheck(any, checked);
        Routine routine = composer.compose(profile, day, 0, 1, Routine.Mode.STANDARD, CATALOG);
        assertThat(RoutineRules.doctorCheckViolations(profile, routine)).as(profile.toString()).isEmpty();
        if (!checked && !routine.phases().get(1).exercises().isEmpty()) {
            assertThat(routine.notices()).containsExactly(Routine.Notice.DOCTOR_CHECK);
        } else {
            assertThat(routine.notices()).isEmpty();
        }
    }

    static ProfileSpec withDoctorCheck(ProfileSpec p, boolean checked) {
        return new ProfileSpec(p.level(), p.minutesPerSession(), p.sessionsPerWeek(), p.equipment(),
                p.avoidPositions(), p.preferences(), p.currentPain(), p.redFlags(), p.clearedByClinician(), p.zoneId(),
                checked);
    }

    private static void assertRefusalIsJustified(ProfileSpec profile, NoSafeRoutineException refused) {
        if (refused.field().equals("avoidPositions")) {
            // a refusal for restrictions is only right when warm-up or cool-down really has nothing allowed, or no
            // movement that raises the heart rate is allowed (the guide: never stretch cold)
            assertThat(RoutineRules.anyAllowed(profile, CATALOG, Phase.WARM_UP)
                    && RoutineRules.anyAllowed(profile, CATALOG, Phase.COOL_DOWN)
                    && RoutineRules.anyWarmingMovementAllowed(profile, CATALOG)).as(profile.toString()).isFalse();
        } else {
            // too little to fill the time happens only to heavily restricted standard-day profiles
            assertThat(refused.field()).isEqualTo("minutesPerSession");
            assertThat(profile.currentPain()).isLessThan(7);
            assertThat(profile.avoidPositions().size()).as(profile.toString()).isGreaterThanOrEqualTo(2);
        }
    }

    static ProfileSpec withPain(ProfileSpec p, int pain) {
        return new ProfileSpec(p.level(), p.minutesPerSession(), p.sessionsPerWeek(), p.equipment(),
                p.avoidPositions(), p.preferences(), pain, p.redFlags(), p.clearedByClinician(), p.zoneId(),
                p.doctorCheckedStrengthening());
    }

    @Provide
    Arbitrary<ProfileSpec> profiles() {
        return profiles(Arbitraries.of(AvoidPosition.class).set().ofMaxSize(3), Arbitraries.integers().between(0, 10));
    }

    /**
     * At most one position avoided, and not one that rules out a whole phase's worth of positions together; and some
     * movement that raises the heart rate is allowed (every warm-up movement is done standing, except the stationary
     * bike: someone avoiding STANDING without a bike is refused, see warmUpMovementComesBeforeAnyStaticStretch).
     */
    @Provide
    Arbitrary<ProfileSpec> ordinaryProfiles() {
        return profiles(Arbitraries.of(AvoidPosition.class).set().ofMaxSize(1), Arbitraries.integers().between(0, 6))
                .filter(p -> RoutineRules.anyWarmingMovementAllowed(p, CATALOG));
    }

    public static Arbitrary<ProfileSpec> profiles(Arbitrary<Set<AvoidPosition>> avoid, Arbitrary<Integer> pain) {
        Arbitrary<Level> level = Arbitraries.of(Level.class);
        Arbitrary<Integer> minutes = Arbitraries.integers().between(ProfileSpec.MIN_MINUTES, ProfileSpec.MAX_MINUTES);
        Arbitrary<Integer> perWeek = Arbitraries.integers().between(1, 7);
        Arbitrary<Set<Equipment>> equipment = Arbitraries.of(Equipment.class).set();
        Arbitrary<Set<Preference>> preferences = Arbitraries.of(Preference.class).set();
        Arbitrary<Boolean> doctorChecked = Arbitraries.of(true, false);
        return Combinators.combine(level, minutes, perWeek, equipment, avoid, preferences, pain, doctorChecked)
                .as((l, m, w, e, a, p, pn, d) -> new ProfileSpec(l, m, w, e, a, p, pn, Set.of(), false, "UTC", d));
    }

    static List<String> ids(Routine routine) {
        return routine.phases().stream().flatMap(p -> p.exercises().stream()).map(Routine.RoutineExercise::exerciseId)
                .toList();
    }
}
