package org.backrelief.planner.progression;

import static org.assertj.core.api.Assertions.assertThat;

import org.backrelief.common.domain.Phase;
import org.backrelief.planner.catalog.Candidate;
import org.backrelief.planner.testsupport.CatalogContent;
import org.junit.jupiter.api.Test;

/** The dose ladder, read against the guide's own numbers. */
class ProgressionRulesTest {

    @Test
    void theHipFlexorStretchGrowsItsHoldThenWorksTowardThreeSetsOfFifteen() {
        Candidate hipFlexor = candidate("kneeling-hip-flexor-stretch", Phase.STRETCHING);

        Dosage first = ProgressionRules.dosage(hipFlexor, 0);
        assertThat(first.sets()).isEqualTo(1);
        assertThat(first.reps()).isEqualTo(1);
        assertThat(first.holdSeconds()).isEqualTo(15); // half the guide's 30 s to start
        assertThat(ProgressionRules.dosage(hipFlexor, 2).holdSeconds()).isEqualTo(30);

        Dosage full = ProgressionRules.dosage(hipFlexor, ProgressionRules.MAX_STEP);
        assertThat(full.sets()).isEqualTo(3);
        assertThat(full.reps()).isEqualTo(15);
        assertThat(full.perSide()).isTrue();
    }

    @Test
    void holdsGrowTowardThirtySeconds() {
        Candidate plank = candidate("plank", Phase.STRENGTHENING);
        assertThat(ProgressionRules.dosage(plank, 0).holdSeconds()).isEqualTo(10);
        assertThat(ProgressionRules.dosage(plank, ProgressionRules.MAX_STEP).holdSeconds()).isEqualTo(30);
        for (int step = 1; step <= ProgressionRules.MAX_STEP; step++) {
            assertThat(ProgressionRules.dosage(plank, step).holdSeconds())
                    .isGreaterThanOrEqualTo(ProgressionRules.dosage(plank, step - 1).holdSeconds());
        }
    }

    @Test
    void repsStartBelowTheGuideAndReachItsUpperCount() {
        Candidate bridge = candidate("glute-bridge", Phase.STRENGTHENING);
        assertThat(ProgressionRules.dosage(bridge, 0).reps()).isEqualTo(9); // 60 % of the guide's 15
        assertThat(ProgressionRules.dosage(bridge, 0).sets()).isEqualTo(1);
        assertThat(ProgressionRules.dosage(bridge, ProgressionRules.MAX_STEP).reps()).isEqualTo(20);
        // the guide: "Repeat 15-20 times" - one set, never 3 x 20 (issue 14)
        assertThat(ProgressionRules.dosage(bridge, ProgressionRules.MAX_STEP).sets()).isEqualTo(1);
    }

    @Test
    void strengtheningNeverGoesAboveTheGuidesCountsOrTheLabelledDefaults() {
        for (int step = 0; step <= ProgressionRules.MAX_STEP; step++) {
            Dosage extension = ProgressionRules.dosage(candidate("back-extension", Phase.STRENGTHENING), step);
            assertThat(extension.sets()).as("back extension sets at step %d", step).isEqualTo(1);
            assertThat(extension.reps()).as("back extension reps at step %d", step).isLessThanOrEqualTo(10);
            Dosage clamshells = ProgressionRules.dosage(candidate("side-lying-clamshells", Phase.STRENGTHENING), step);
            assertThat(clamshells.sets()).isEqualTo(1);
            assertThat(clamshells.reps()).isLessThanOrEqualTo(20);
            // a labelled default (crunches: ACSM, 1-2 sets) stays within its own range
            assertThat(ProgressionRules.dosage(candidate("crunches", Phase.STRENGTHENING), step).sets())
                    .isBetween(1, 2);
        }
    }

    @Test
    void cardioDurationGoesUpBeforeIntensity() {
        Candidate walking = candidate("walking", Phase.LOW_IMPACT_CARDIO);
        int[] minutes = new int[ProgressionRules.MAX_STEP + 1];
        String[] intensity = new String[ProgressionRules.MAX_STEP + 1];
        for (int step = 0; step <= ProgressionRules.MAX_STEP; step++) {
            minutes[step] = ProgressionRules.dosage(walking, step).minutes();
            intensity[step] = ProgressionRules.dosage(walking, step).intensity();
        }
        assertThat(minutes).containsExactly(10, 15, 20, 25, 30, 30);
        // the guide: "start at a moderate intensity and then build your way up" - moderate from the first session
        // (it said "easy, conversational pace" until the duration maxed out: issue 14)
        assertThat(intensity[0]).isEqualTo(ProgressionRules.INTENSITY_START).contains("moderate intensity");
        assertThat(intensity[3]).isEqualTo(ProgressionRules.INTENSITY_START);
        assertThat(intensity).allSatisfy(text -> assertThat(text).doesNotContain("easy,"));
        assertThat(intensity[4]).isEqualTo(ProgressionRules.INTENSITY_MODERATE);
        assertThat(intensity[5]).isEqualTo(ProgressionRules.INTENSITY_MODERATE_PLUS);
    }

    @Test
    void theScheduleRisesOneStepAWeekFromTheLevelsStart() {
        assertThat(ProgressionRules.scheduledStep(ProgressionRules.BEGINNER_START_STEP, 1)).isZero();
        assertThat(ProgressionRules.scheduledStep(ProgressionRules.BEGINNER_START_STEP, 3)).isEqualTo(2);
        assertThat(ProgressionRules.scheduledStep(ProgressionRules.ADVANCED_START_STEP, 6)).isEqualTo(5);
    }

    static Candidate candidate(String id, Phase phase) {
        return CatalogContent.snapshot().candidates(phase).stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow();
    }
}
