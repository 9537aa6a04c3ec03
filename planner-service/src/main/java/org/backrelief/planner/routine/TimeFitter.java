package org.backrelief.planner.routine;

import java.util.List;

import org.backrelief.common.domain.Phase;

/**
 * Fills the time: a small hill-climb that moves a phase, or the whole routine, towards a number of seconds one best
 * {@link Move} at a time (a set or a minute more or less, an exercise dropped or added), within an {@link Allowance}
 * of how far doses may stretch. Stops when close enough or when no move gets closer.
 */
final class TimeFitter {

    /** Close enough: stop adjusting. */
    static final int GOOD_ENOUGH_SECONDS = 10;
    /** A second cardio activity is only worth adding for at least this long. */
    static final int MIN_ADDED_CARDIO_MINUTES = 5;
    private static final int MAX_MOVES = 400;

    /** One step of the hill-climb. */
    sealed interface Move {

        void apply(TimeFitter fitter, int gap, Allowance allowance);

        record AddSet(DosedExercise item) implements Move {
            public void apply(TimeFitter fitter, int gap, Allowance allowance) {
                item.sets++;
            }
        }

        record RemoveSet(DosedExercise item) implements Move {
            public void apply(TimeFitter fitter, int gap, Allowance allowance) {
                item.sets--;
            }
        }

        record AddMinute(DosedExercise item) implements Move {
            public void apply(TimeFitter fitter, int gap, Allowance allowance) {
                item.minutes++;
            }
        }

        record RemoveMinute(DosedExercise item) implements Move {
            public void apply(TimeFitter fitter, int gap, Allowance allowance) {
                item.minutes--;
            }
        }

        /** Drops an exercise that is not mandatory from phase {@code phase}. */
        record Drop(int phase, DosedExercise item) implements Move {
            public void apply(TimeFitter fitter, int gap, Allowance allowance) {
                fitter.draft.drop(phase, item);
            }
        }

        /** Adds eligible candidate {@code index} of phase {@code phase}, one set or the minutes that fit. */
        record Add(int phase, int index) implements Move {
            public void apply(TimeFitter fitter, int gap, Allowance allowance) {
                Choice choice = fitter.draft.choices[phase][index];
                DosedExercise item = fitter.draft.newItem(phase, index,
                        fitter.roles.classify(phase, choice.candidate()), false, gap);
                item.sets = 1;
                if (item.timed()) {
                    item.minutes = addedMinutes(choice, gap, allowance);
                }
                fitter.draft.add(phase, item);
            }
        }
    }

    private final Draft draft;
    private final RoleSelection roles;

    TimeFitter(Draft draft, RoleSelection roles) {
        this.draft = draft;
        this.roles = roles;
    }

    /** Moves phase {@code phase} towards {@code goal} seconds. */
    void fitPhase(int phase, int goal, Allowance allowance) {
        climb(phase, phase, goal, allowance);
    }

    /** Moves the whole routine towards {@code goal} seconds. */
    void fitRoutine(int goal, Allowance allowance) {
        climb(0, Draft.PHASES.length - 1, goal, allowance);
    }

    private void climb(int from, int to, int goal, Allowance allowance) {
        for (int moves = 0; moves < MAX_MOVES; moves++) {
            int current = 0;
            for (int p = from; p <= to; p++) {
                current += draft.seconds(p);
            }
            int gap = goal - current;
            if (Math.abs(gap) <= GOOD_ENOUGH_SECONDS) {
                return;
            }
            Move best = bestMove(from, to, gap, allowance);
            if (best == null) {
                return;
            }
            best.apply(this, gap, allowance);
        }
    }

    /** The move that brings the phases {@code from}..{@code to} closest to closing {@code gap}; null when none helps. */
    Move bestMove(int from, int to, int gap, Allowance allowance) {
        int best = Math.abs(gap);
        Move bestMove = null;
        for (int p = from; p <= to; p++) {
            List<DosedExercise> phaseItems = draft.items[p];
            for (int i = 0; i < phaseItems.size(); i++) {
                DosedExercise item = phaseItems.get(i);
                int now = item.seconds();
                int delta;
                if (gap > 0) {
                    if (item.timed()) {
                        if (item.minutes < item.maxMinutes(allowance)) {
                            delta = TimingModel.SECONDS_PER_MINUTE;
                            if (Math.abs(gap - delta) < best) {
                                best = Math.abs(gap - delta);
                                bestMove = new Move.AddMinute(item);
                            }
                        }
                    } else if (item.sets < item.maxSets(allowance)) {
                        delta = item.secondsWith(item.sets + 1, 0) - now;
                        if (Math.abs(gap - delta) < best) {
                            best = Math.abs(gap - delta);
                            bestMove = new Move.AddSet(item);
                        }
                    }
                } else {
                    if (item.timed()) {
                        if (item.minutes > DosedExercise.MIN_MINUTES) {
                            delta = -TimingModel.SECONDS_PER_MINUTE;
                            if (Math.abs(gap - delta) < best) {
                                best = Math.abs(gap - delta);
                                bestMove = new Move.RemoveMinute(item);
                            }
                        }
                    } else if (item.sets > 1) {
                        delta = item.secondsWith(item.sets - 1, 0) - now;
                        if (Math.abs(gap - delta) < best) {
                            best = Math.abs(gap - delta);
                            bestMove = new Move.RemoveSet(item);
                        }
                    }
                    if (!item.mandatory && Math.abs(gap + now) < best) {
                        best = Math.abs(gap + now);
                        bestMove = new Move.Drop(p, item);
                    }
                }
            }
            // a second cardio activity only when cardio may run past its quota anyway
            boolean room = !draft.full(p) && (p != Phase.LOW_IMPACT_CARDIO.ordinal()
                    || allowance.allows(Allowance.MORE_CARDIO) || phaseItems.isEmpty());
            if (gap > 0 && room && draft.available[p]) {
                Choice[] candidates = draft.choices[p];
                for (int i = 0; i < candidates.length; i++) {
                    // variety first; from LONGER_RELAXATION on, an exercise the guide also lists for this phase may
                    // come back here (cool-down child's pose after the stretching one), never twice a phase
                    if (draft.used.contains(candidates[i].candidate().id())
                            && (!allowance.allows(Allowance.LONGER_RELAXATION) || draft.inPhase(p, candidates[i].candidate()))) {
                        continue;
                    }
                    if (p == Phase.LOW_IMPACT_CARDIO.ordinal()
                            && addedMinutes(candidates[i], gap, allowance) < MIN_ADDED_CARDIO_MINUTES) {
                        continue;
                    }
                    int seconds = addedSeconds(candidates[i], gap, allowance);
                    if (Math.abs(gap - seconds) < best) {
                        best = Math.abs(gap - seconds);
                        bestMove = new Move.Add(p, i);
                    }
                }
            }
        }
        return bestMove;
    }

    /** The minutes a timed activity gets when added to close {@code gap}: what fits, within the allowance. */
    static int addedMinutes(Choice choice, int gap, Allowance allowance) {
        int cap = allowance.maxMinutes(choice.candidate(), choice.dosage());
        int fits = (gap - TimingModel.TRANSITION_SECONDS + TimingModel.SECONDS_PER_MINUTE / 2) / TimingModel.SECONDS_PER_MINUTE;
        return Math.max(DosedExercise.MIN_MINUTES, Math.min(cap, fits));
    }

    static int addedSeconds(Choice choice, int gap, Allowance allowance) {
        if (choice.timed()) {
            return TimingModel.estimateSeconds(0, 0, 0, false, addedMinutes(choice, gap, allowance), 0);
        }
        return choice.oneSetSeconds();
    }
}
