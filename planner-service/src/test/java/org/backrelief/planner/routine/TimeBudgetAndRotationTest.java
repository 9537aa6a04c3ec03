package org.backrelief.planner.routine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.backrelief.common.domain.Equipment;
import org.backrelief.common.domain.Phase;
import org.backrelief.common.domain.Level;
import org.backrelief.planner.profile.ProfileSpec;
import org.backrelief.planner.testsupport.CatalogContent;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class TimeBudgetAndRotationTest {

    static final boolean[] ALL = { true, true, true, true, true };
    static final int NO_CAP = 90 * 60;

    @Test
    void fortyFiveToNinetyMinutesFollowThePhasesRecommendedMinutes() {
        // cardio's lower figure is 10 minutes, where the progression starts (it was 15: issue 14)
        assertThat(TimeBudget.standard(45 * 60, NO_CAP, ALL)).containsExactly(600, 600, 600, 600, 300);
        assertThat(TimeBudget.standard(90 * 60, NO_CAP, ALL)).containsExactly(900, 1200, 900, 1800, 600);
    }

    @Test
    void thePhaseFiguresAreThoseOfTheCatalogsPhasesJson() throws Exception {
        JsonNode phases = CatalogContent.MAPPER.readTree(CatalogContent.directory().resolve("phases.json").toFile())
                .get("phases");
        assertThat(phases).hasSize(Phase.values().length);
        for (JsonNode phase : phases) {
            int p = Phase.valueOf(phase.get("phase").asText()).ordinal();
            assertThat(TimeBudget.GUIDE_MIN_MINUTES[p]).as("%s min", phase.get("phase"))
                    .isEqualTo(phase.get("recommendedMinutes").get("min").asInt());
            assertThat(TimeBudget.GUIDE_MAX_MINUTES[p]).as("%s max", phase.get("phase"))
                    .isEqualTo(phase.get("recommendedMinutes").get("max").asInt());
        }
    }

    @Test
    void theShortestSessionAProfileAcceptsHasAllFivePhasesAtTheirFloor() {
        int[] shortest = TimeBudget.standard(ProfileSpec.MIN_MINUTES * 60, NO_CAP, ALL);
        assertThat(shortest).containsOnly(TimeBudget.PHASE_FLOOR_MINUTES * 60);
    }

    @Test
    void shortSessionsShrinkCardioFirstThenEveryPhaseDownToTwoMinutes() {
        assertThat(TimeBudget.standard(40 * 60, NO_CAP, ALL)).containsExactly(600, 600, 600, 300, 300);
        assertThat(TimeBudget.standard(10 * 60, NO_CAP, ALL)).containsExactly(120, 120, 120, 120, 120);
    }

    @Test
    void cardioBeyondTheStepsQuotaAndMissingPhasesGoToTheOthers() {
        int[] capped = TimeBudget.standard(90 * 60, 10 * 60, ALL);
        assertThat(capped[3]).isEqualTo(600);
        assertThat(Arrays.stream(capped).sum()).isEqualTo(90 * 60);

        int[] noStrengthening = TimeBudget.standard(60 * 60, NO_CAP, new boolean[] { true, false, true, true, true });
        assertThat(noStrengthening[1]).isZero();
        assertThat(Arrays.stream(noStrengthening).sum()).isEqualTo(60 * 60);
    }

    @Test
    void consecutiveDaysRotateSoAWeekIsVaried() {
        ProfileSpec profile = new ProfileSpec(Level.BEGINNER, 30, 7, Set.of(Equipment.MAT), Set.of(), Set.of(), 2,
                Set.of(), false, "UTC");
        RoutineComposer composer = new RoutineComposer();
        Set<String> week = new HashSet<>();
        List<String> previous = null;
        for (int day = 0; day < 7; day++) {
            List<String> ids = RoutineComposerPropertiesTest.ids(
                    composer.compose(profile, day, 0, 0, Routine.Mode.STANDARD, CatalogContent.snapshot()));
            assertThat(ids).as("day %d", day).isNotEqualTo(previous);
            week.addAll(ids);
            previous = ids;
        }
        assertThat(week).as("distinct exercises over a week").hasSizeGreaterThanOrEqualTo(20);
    }
}
