package org.backrelief.planner.routine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.backrelief.common.domain.Phase;
import org.backrelief.planner.catalog.CatalogSnapshot;
import org.backrelief.planner.profile.ProfileSpec;
import org.backrelief.planner.progression.Dosage;
import org.backrelief.planner.progression.ProgressionRules;
import org.backrelief.planner.routine.Routine.Mode;
import org.backrelief.planner.routine.Routine.Prescription;
import org.backrelief.planner.routine.Routine.RoutineExercise;
import org.backrelief.planner.routine.Routine.RoutinePhase;
import org.backrelief.planner.safety.SafetyGate;

/**
 * Composes one routine from a profile, a rotation day, a progression step and a catalog snapshot. Pure and
 * deterministic: the same inputs give the same routine; no I/O, no clock, no randomness beyond the seed.
 * <p>
 * Rules (each one is checked by the property tests):
 * <ul>
 * <li>an exercise qualifies for a phase only if the catalog lists it for that phase, all its equipment is at hand,
 * no avoided position rules it out, its minimum level is at most the person's level and its difficulty is within
 * the level's cap ({@value Eligibility#MAX_DIFFICULTY_BEGINNER} for beginners, so never shuffles or sprints); from pain
 * {@value SafetyGate#NO_MODERATE_IMPACT_PAIN} no moderate-impact moves; on a gentle-only day only gentle ones
 * ({@link Eligibility});</li>
 * <li>the five phases come in the guide's order; warm-up and cool-down are never empty;</li>
 * <li>strengthening starts with a core exercise whenever one qualifies ({@link RoleSelection});</li>
 * <li>an exercise appears at most once per phase, and in two phases only when the guide uses it in both, each time
 * with that phase's dose;</li>
 * <li>the estimated total is within {@value #TIME_TOLERANCE_PERCENT} % of the target, or there is no routine.</li>
 * </ul>
 * How: phase budgets from {@link TimeBudget}; each phase takes its role-based picks ({@link RoleSelection}, in an
 * order rotated by day: {@link Rotation}); then the {@link TimeFitter} adds or removes sets, minutes and exercises,
 * first per phase towards its budget, then across the routine towards the total, first within the step's doses and
 * only then stretching timed activities ({@link Allowance}). Inside a phase: {@link InPhaseOrder}; every text:
 * {@link RoutineText}.
 */
public final class RoutineComposer {

    public static final int TIME_TOLERANCE_PERCENT = 10;

    public Routine compose(ProfileSpec profile, int day, long seed, int step, Mode mode, CatalogSnapshot snapshot) {
        Draft draft = new Draft(profile, day, seed, step, mode, snapshot);
        if (!draft.available[Phase.WARM_UP.ordinal()]) {
            throw RoutineText.noWarmUp();
        }
        if (!RoleSelection.hasWarmMovement(draft.choices[Phase.WARM_UP.ordinal()])) {
            throw RoutineText.noWarmMovement();
        }
        if (!draft.available[Phase.COOL_DOWN.ordinal()]) {
            throw RoutineText.noCoolDown();
        }
        int[] budgets = mode == Mode.GENTLE ? TimeBudget.gentle(draft.target, draft.available)
                : TimeBudget.standard(draft.target,
                        ProgressionRules.cardioQuotaMinutes(draft.step) * TimingModel.SECONDS_PER_MINUTE,
                        draft.available);
        RoleSelection roles = new RoleSelection(draft);
        TimeFitter fitter = new TimeFitter(draft, roles);
        for (Phase phase : Draft.PHASES) {
            int p = phase.ordinal();
            if (draft.available[p]) {
                roles.select(p, budgets[p]);
                fitter.fitPhase(p, budgets[p], Allowance.STEP_DOSES);
            }
        }
        for (Allowance allowance : Allowance.values()) {
            fitter.fitRoutine(draft.target, allowance);
        }
        int total = draft.total();
        int target = draft.target;
        boolean tooLong = (total - target) * 100 > TIME_TOLERANCE_PERCENT * target;
        boolean tooShort = (target - total) * 100 > TIME_TOLERANCE_PERCENT * target;
        // a gentle-only day may end early when few gentle exercises fit: less is fine on a high-pain day
        if (tooLong || tooShort && mode == Mode.STANDARD) {
            throw RoutineText.timeNotFilled(total, target);
        }
        return build(draft, total);
    }

    private static Routine build(Draft draft, int total) {
        List<RoutinePhase> phases = new ArrayList<>(Draft.PHASES.length);
        for (Phase phase : Draft.PHASES) {
            int p = phase.ordinal();
            List<DosedExercise> phaseItems = new ArrayList<>(draft.items[p]);
            phaseItems.sort(Comparator.comparingInt((DosedExercise item) -> InPhaseOrder.rank(phase, item))
                    .thenComparingInt(item -> item.sequence));
            List<RoutineExercise> exercises = new ArrayList<>(phaseItems.size());
            int phaseSeconds = 0;
            for (DosedExercise item : phaseItems) {
                int seconds = item.seconds();
                phaseSeconds += seconds;
                exercises.add(toExercise(phase, item, seconds, draft.mode));
            }
            String note = draft.available[p] ? null : RoutineText.emptyPhaseNote(phase, draft.mode);
            phases.add(new RoutinePhase(phase, p + 1, RoutineText.phaseName(phase), phaseSeconds, note,
                    List.copyOf(exercises)));
        }
        List<String> advice = draft.mode == Mode.GENTLE ? SafetyGate.GENTLE_ADVICE : List.of();
        // the guide: "Before beginning any type of strengthening exercises, it is important to consult with your
        // doctor" - said once for the whole routine, until the profile records that the person has
        List<Routine.Notice> notices = !draft.items[Phase.STRENGTHENING.ordinal()].isEmpty()
                && !draft.profile.doctorCheckedStrengthening() ? List.of(Routine.Notice.DOCTOR_CHECK) : List.of();
        return new Routine(draft.mode, draft.profile.minutesPerSession(), draft.target, total, draft.step, draft.day,
                List.copyOf(phases), SafetyGate.GENERAL_CAUTIONS, advice, notices);
    }

    private static RoutineExercise toExercise(Phase phase, DosedExercise item, int seconds, Mode mode) {
        var c = item.candidate;
        Dosage d = item.dosage;
        Integer hold = d.holdSeconds() > 0 ? d.holdSeconds() : null;
        Prescription prescription;
        if (item.timed()) {
            prescription = new Prescription(null, null, hold, false, item.minutes, null, d.intensity(),
                    RoutineText.timedSummary(item.minutes, d), c.dose().source(), c.dose().sourceNote());
        } else {
            boolean singleHold = d.reps() == 1 && d.holdSeconds() > 0;
            Integer reps = d.reps() > 0 && !singleHold ? d.reps() : null;
            prescription = new Prescription(item.sets, reps, hold, d.perSide(), null,
                    item.sets > 1 ? d.restSeconds() : null, null, RoutineText.setsSummary(item.sets, reps, d),
                    c.dose().source(), c.dose().sourceNote());
        }
        return new RoutineExercise(c.id(), c.exercise().name(), prescription, seconds,
                RoutineText.why(phase, item.role, mode, c), c.cautions(), c.exercise().consultDoctorFirst());
    }
}
