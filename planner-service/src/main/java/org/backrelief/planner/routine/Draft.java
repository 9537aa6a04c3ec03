package org.backrelief.planner.routine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.backrelief.common.domain.Phase;
import org.backrelief.planner.catalog.Candidate;
import org.backrelief.planner.catalog.CatalogSnapshot;
import org.backrelief.planner.profile.ProfileSpec;
import org.backrelief.planner.progression.ProgressionRules;
import org.backrelief.planner.routine.Routine.Mode;

/**
 * The routine being composed: per phase, the exercises it may pick from (eligible, dosed at the step, in rotation
 * order) and the ones picked so far. Role selection and the time fitter work on it; the composer turns it into a
 * {@link Routine}.
 */
final class Draft {

    static final Phase[] PHASES = Phase.values();
    /** At most this many exercises per phase, in {@link Phase} order. */
    static final int[] MAX_EXERCISES = { 5, 8, 5, 2, 4 };

    final ProfileSpec profile;
    final int day;
    final int step;
    final Mode mode;
    final int preferenceBits;
    /** The session's length in seconds (a gentle day's is capped). */
    final int target;
    /** Per phase, the eligible candidates with their dose at this step, in rotation order. */
    final Choice[][] choices = new Choice[PHASES.length][];
    /** Per phase, whether anything is eligible. */
    final boolean[] available = new boolean[PHASES.length];
    @SuppressWarnings("unchecked")
    final List<DosedExercise>[] items = new List[PHASES.length];
    /** Ids of the exercises picked, in any phase. */
    final Set<String> used = new HashSet<>();
    private int sequence;

    Draft(ProfileSpec profile, int day, long seed, int step, Mode mode, CatalogSnapshot snapshot) {
        this.profile = profile;
        this.day = day;
        this.mode = mode;
        this.step = mode == Mode.GENTLE ? ProgressionRules.FIRST_STEP : ProgressionRules.clamp(step);
        this.preferenceBits = Candidate.maskOf(profile.preferences());
        int minutes = mode == Mode.GENTLE
                ? Math.min(profile.minutesPerSession(), TimeBudget.GENTLE_MAX_MINUTES)
                : profile.minutesPerSession();
        this.target = minutes * TimingModel.SECONDS_PER_MINUTE;
        int equipment = Candidate.maskOf(profile.equipment());
        int avoid = Candidate.maskOf(profile.avoidPositions());
        for (Phase phase : PHASES) {
            int p = phase.ordinal();
            items[p] = new ArrayList<>(MAX_EXERCISES[p]);
            List<Candidate> eligible = new ArrayList<>();
            if (!RoleSelection.skipped(mode, p)) {
                for (Candidate c : snapshot.candidates(phase)) {
                    if (Eligibility.eligible(c, profile.level(), equipment, avoid, profile.currentPain(), mode)
                            && Eligibility.onAllowedDay(c, day, profile.sessionsPerWeek())) {
                        eligible.add(c);
                    }
                }
            }
            choices[p] = Rotation.rotate(eligible, day, seed, p, this.step);
            available[p] = !eligible.isEmpty();
        }
        int w = Phase.WARM_UP.ordinal();
        choices[w] = RoleSelection.warmUpChoices(choices[w], available[Phase.STRETCHING.ordinal()]);
    }

    boolean full(int p) {
        return items[p].size() >= MAX_EXERCISES[p];
    }

    /** Choice {@code index} of phase {@code p}, dosed to fit in {@code secondsLeft} (one minute at least). */
    DosedExercise newItem(int p, int index, Role role, boolean mandatory, int secondsLeft) {
        Choice choice = choices[p][index];
        int minutes = 0;
        if (choice.timed()) {
            int fits = Math.max(DosedExercise.MIN_MINUTES,
                    (secondsLeft - TimingModel.TRANSITION_SECONDS) / TimingModel.SECONDS_PER_MINUTE);
            minutes = Math.min(choice.dosage().minutes(), fits);
        }
        return new DosedExercise(choice.candidate(), choice.dosage(), role, mandatory, sequence++,
                Math.max(1, choice.dosage().sets()), minutes);
    }

    void add(int p, DosedExercise item) {
        items[p].add(item);
        used.add(item.candidate.id());
    }

    void drop(int p, DosedExercise item) {
        items[p].remove(item);
        used.remove(item.candidate.id());
    }

    boolean inPhase(int p, Candidate c) {
        for (DosedExercise item : items[p]) {
            if (item.candidate == c) {
                return true;
            }
        }
        return false;
    }

    int seconds(int p) {
        int sum = 0;
        for (DosedExercise item : items[p]) {
            sum += item.seconds();
        }
        return sum;
    }

    int total() {
        int sum = 0;
        for (int p = 0; p < PHASES.length; p++) {
            sum += seconds(p);
        }
        return sum;
    }
}
