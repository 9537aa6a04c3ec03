package org.backrelief.planner.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.backrelief.common.domain.Equipment;
import org.backrelief.common.domain.Level;
import org.backrelief.planner.profile.ProfileSpec;
import org.backrelief.planner.routine.RoutinePlanner;
import org.backrelief.planner.routine.RoutineResponse;
import org.backrelief.planner.testsupport.CatalogContent;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Red flags always mean no routine at all, with the right reason; pain alone never blocks. */
class SafetyGatePropertiesTest {

    private final RoutinePlanner planner = new RoutinePlanner();

    @Property(tries = 1000)
    void anUrgentSignMeansUrgentCareAndNoRoutine(@ForAll("flags") Set<RedFlag> flags,
            @ForAll("urgentFlags") RedFlag urgent, @ForAll boolean cleared,
            @ForAll @IntRange(min = 0, max = 10) int pain) {
        Set<RedFlag> withUrgent = EnumSet.noneOf(RedFlag.class);
        withUrgent.addAll(flags);
        withUrgent.add(urgent);
        RoutineResponse response = plan(withUrgent, cleared, pain);
        assertThat(response.status()).isEqualTo(RoutineResponse.Status.BLOCKED);
        assertThat(response.blocked().reason()).isEqualTo(RoutineResponse.Reason.URGENT_CARE);
        assertThat(response.blocked().message()).contains("urgent care");
        assertThat(response.routine()).isNull();
    }

    @Property(tries = 1000)
    void anyRedFlagDecidesBeforePain(@ForAll("flags") Set<RedFlag> flags, @ForAll boolean cleared,
            @ForAll @IntRange(min = 0, max = 10) int pain) {
        RoutineResponse response = plan(flags, cleared, pain);
        boolean urgent = flags.stream().anyMatch(f -> f.severity() == RedFlag.Severity.URGENT);
        boolean clinician = flags.stream().anyMatch(f -> f.severity() == RedFlag.Severity.SEE_CLINICIAN);
        if (urgent) {
            assertThat(response.blocked().reason()).isEqualTo(RoutineResponse.Reason.URGENT_CARE);
        } else if (clinician && !cleared) {
            assertThat(response.blocked().reason()).isEqualTo(RoutineResponse.Reason.SEE_CLINICIAN);
            assertThat(response.blocked().message()).contains("clinician");
        } else {
            assertThat(response.blocked()).isNull();
            assertThat(response.routine()).isNotNull();
            assertThat(response.status()).isEqualTo(pain >= SafetyGate.GENTLE_ONLY_PAIN
                    ? RoutineResponse.Status.GENTLE_ONLY : RoutineResponse.Status.READY);
        }
        if (response.status() == RoutineResponse.Status.BLOCKED) {
            assertThat(response.routine()).isNull();
            assertThat(response.blocked().flags()).isNotEmpty().allMatch(flags::contains);
        }
    }

    @Property(tries = 200)
    void aJumpOfThreePointsSinceTheScreenAsksItAgain(@ForAll @IntRange(min = 0, max = 10) int atScreening,
            @ForAll @IntRange(min = 0, max = 10) int latest) {
        assertThat(SafetyGate.painJumped(atScreening, latest)).isEqualTo(latest - atScreening >= 3);
    }

    private RoutineResponse plan(Set<RedFlag> flags, boolean cleared, int pain) {
        ProfileSpec profile = new ProfileSpec(Level.BEGINNER, 30, 3, Set.of(Equipment.MAT), Set.of(), Set.of(), pain,
                flags, cleared, "UTC");
        return planner.plan(profile, pain, 0, 0, 0, CatalogContent.snapshot());
    }

    @Provide
    Arbitrary<RedFlag> urgentFlags() {
        return Arbitraries.of(RedFlag.SADDLE_NUMBNESS, RedFlag.NEW_BLADDER_OR_BOWEL_PROBLEMS,
                RedFlag.PROGRESSIVE_LEG_WEAKNESS_OR_NUMBNESS);
    }

    @Provide
    Arbitrary<Set<RedFlag>> flags() {
        return Arbitraries.of(RedFlag.class).set();
    }
}
