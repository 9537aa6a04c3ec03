package org.backrelief.planner.progression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.backrelief.common.domain.Equipment;
import org.backrelief.common.domain.Level;
import org.backrelief.common.domain.Phase;
import org.backrelief.planner.plan.ProgramBuilder;
import org.backrelief.planner.profile.ProfileSpec;
import org.backrelief.planner.progression.PainAdaptation.Assessment;
import org.backrelief.planner.progression.PainAdaptation.Decision;
import org.backrelief.planner.routine.Routine;
import org.backrelief.planner.testsupport.CatalogContent;
import org.junit.jupiter.api.Test;

/** Progression told as stories: a program of three sessions a week, reported on session by session. */
class ProgressionScenariosTest {

    static final ProfileSpec BEGINNER = new ProfileSpec(Level.BEGINNER, 60, 3, Set.of(Equipment.MAT), Set.of(),
            Set.of(), 2, Set.of(), false, "UTC");

    /** A program being followed: where its step schedule stands, and what each report did to it. */
    static final class Program {
        StepAnchor anchor = StepAnchor.start(ProgressionRules.startStep(BEGINNER.level()));

        int stepOfWeek(int week) {
            return anchor.stepForWeek(week);
        }

        Assessment complete(int week, int painBefore, int painAfter) {
            Assessment assessment = PainAdaptation.afterSession(painBefore, painAfter);
            anchor = PainAdaptation.adapt(anchor, assessment.decision(), week, stepOfWeek(week));
            return assessment;
        }

        Assessment checkIn(int week, int sessionStep, int pain, int painBeforeSession) {
            Assessment assessment = PainAdaptation.nextDay(pain, painBeforeSession);
            anchor = PainAdaptation.adapt(anchor, assessment.decision(), week, sessionStep);
            return assessment;
        }

        int cardioMinutesInWeek(int week) {
            Routine routine = new ProgramBuilder().compose(BEGINNER, 2, week * 3, 7L, stepOfWeek(week),
                    CatalogContent.snapshot()).routine();
            return routine.phases().get(Phase.LOW_IMPACT_CARDIO.ordinal()).exercises().stream()
                    .mapToInt(e -> e.prescription().minutes()).sum();
        }
    }

    @Test
    void aBeginnerWhoReportsLowPainForTwoWeeksProgressesOnSchedule() {
        Program program = new Program();
        assertThat(program.stepOfWeek(1)).isZero();

        for (int week = 1; week <= 2; week++) {
            int step = program.stepOfWeek(week);
            for (int session = 1; session <= 3; session++) {
                assertThat(program.complete(week, 2, 2).decision()).isEqualTo(Decision.PROGRESS);
                assertThat(program.checkIn(week, step, 2, 2).decision()).isEqualTo(Decision.PROGRESS);
            }
        }

        assertThat(program.stepOfWeek(2)).isEqualTo(1);
        assertThat(program.stepOfWeek(3)).isEqualTo(2);
        // duration before intensity: 10 minutes of cardio in week 1, more in week 3
        assertThat(program.cardioMinutesInWeek(1)).isEqualTo(10);
        assertThat(program.cardioMinutesInWeek(3)).isGreaterThan(program.cardioMinutesInWeek(1));
    }

    @Test
    void oneWhoReportsSevenOutOfTenAfterASessionStepsBack() {
        Program program = new Program();
        for (int session = 1; session <= 3; session++) {
            program.complete(1, 2, 2);
        }
        assertThat(program.stepOfWeek(2)).isEqualTo(1);

        Assessment assessment = program.complete(2, 3, 7);

        assertThat(assessment.decision()).isEqualTo(Decision.STEP_BACK);
        assertThat(assessment.reason()).contains("7/10").contains("stepping back");
        assertThat(program.stepOfWeek(2)).as("rest of week 2").isZero();
        assertThat(program.stepOfWeek(3)).as("week 3 stays one level down").isZero();
        assertThat(program.stepOfWeek(4)).as("then the schedule resumes").isEqualTo(1);
    }

    @Test
    void moderatePainHoldsTheStepInsteadOfSteppingUp() {
        Program program = new Program();
        assertThat(program.complete(1, 3, 5).decision()).isEqualTo(Decision.HOLD);
        assertThat(program.stepOfWeek(2)).isZero();
        assertThat(program.stepOfWeek(3)).isEqualTo(1);
    }

    @Test
    void nextDayPainHigherThanBeforeTheSessionStepsBackEvenWhenLow() {
        Program program = new Program();
        for (int session = 1; session <= 3; session++) {
            program.complete(1, 1, 1);
        }
        program.complete(2, 1, 2);

        Assessment assessment = program.checkIn(2, 1, 3, 1);

        assertThat(assessment.decision()).isEqualTo(Decision.STEP_BACK);
        assertThat(assessment.reason()).contains("higher than before");
        assertThat(program.stepOfWeek(3)).isZero();
    }

    @Test
    void theSameReportTwiceStepsBackOnlyOnce() {
        Program program = new Program();
        for (int session = 1; session <= 3; session++) {
            program.complete(1, 2, 2);
        }
        program.complete(2, 2, 8);
        StepAnchor afterFirst = program.anchor;
        program.checkIn(2, 1, 8, 2); // the next day confirms it

        assertThat(program.anchor).isEqualTo(afterFirst);
    }
}
