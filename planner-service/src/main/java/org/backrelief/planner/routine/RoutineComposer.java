package org.backrelief.planner.routine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.backrelief.common.domain.Phase;
import org.backrelief.common.domain.Target;
import org.backrelief.planner.catalog.Candidate;
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
 * {@value SafetyGate#NO_MODERATE_IMPACT_PAIN} no moderate-impact moves; on a gentle-only day only gentle ones;</li>
 * <li>the five phases come in the guide's order; warm-up and cool-down are never empty;</li>
 * <li>strengthening starts with a core exercise whenever one qualifies;</li>
 * <li>an exercise appears at most once per phase, and in two phases only when the guide uses it in both, each time
 * with that phase's dose;</li>
 * <li>the estimated total is within {@value #TIME_TOLERANCE_PERCENT} % of the target, or there is no routine.</li>
 * </ul>
 * How: phase budgets from {@link TimeBudget}; each phase takes its role-based picks (in an order rotated by day, so
 * consecutive days differ); then a small hill-climb adds or removes sets, minutes and exercises, first per phase
 * towards its budget, then across the routine towards the total, first within the step's doses and only then
 * stretching timed activities.
 */
public final class RoutineComposer {

    public static final int TIME_TOLERANCE_PERCENT = 10;
    /** At most this many exercises per phase, in {@link Phase} order. */
    static final int[] MAX_EXERCISES = { 5, 8, 5, 2, 4 };
    /** Relaxation may run this long when the time cannot be filled otherwise. */
    static final int EXTENDED_RELAXATION_MINUTES = 15;
    /*
     * The allowance: how far doses may stretch to fill the time, tried in order (it was called "level", like the
     * person's fitness Level). Each allows what the ones before it allow.
     */
    /** The step's doses; strengthening and stretching up to {@value #SOFT_SETS} sets. */
    static final int ALLOW_STEP_DOSES = 0;
    /** Stretching and warm-up moves up to {@link ProgressionRules#MAX_SETS} sets. */
    static final int ALLOW_MORE_SETS = 1;
    /** Relaxation up to {@value #EXTENDED_RELAXATION_MINUTES} minutes; an exercise may return in a phase the guide also lists it for. */
    static final int ALLOW_LONGER_RELAXATION = 2;
    /** Cardio up to {@value #CARDIO_EXTRA_MINUTES} minutes past its quota, and a second cardio activity. */
    static final int ALLOW_MORE_CARDIO = 3;
    static final int ALLOWANCES = ALLOW_MORE_CARDIO + 1;
    /** Cardio may run this much past its quota when nothing else can fill the time. */
    static final int CARDIO_EXTRA_MINUTES = 15;
    /** Sets a strengthening or stretching exercise may reach before anything else stretches. */
    static final int SOFT_SETS = 2;
    static final int MIN_MINUTES = 1;
    /** A second cardio activity is only worth adding for at least this long. */
    static final int MIN_ADDED_CARDIO_MINUTES = 5;
    /** Close enough: stop adjusting. */
    static final int GOOD_ENOUGH_SECONDS = 10;
    private static final int MAX_MOVES = 400;

    private static final Phase[] PHASES = Phase.values();
    private static final String[] PHASE_NAMES = { "Warm-up", "Strengthening", "Stretching", "Low-impact cardio",
            "Cool-down" };

    private static final Role[][] STANDARD_ROLES = {
            { Role.WARM_MOVEMENT, Role.DYNAMIC, Role.BACK_STRETCH },
            { Role.CORE, Role.GLUTES_AND_BACK },
            { Role.STRETCH_HIP_FLEXORS, Role.STRETCH_HAMSTRINGS, Role.STRETCH_BACK },
            { Role.CARDIO_PREFERRED },
            { Role.FOAM_ROLL, Role.BACK_STRETCH, Role.RELAXATION } };
    private static final Role[][] GENTLE_ROLES = {
            { Role.WARM_MOVEMENT, Role.BACK_STRETCH },
            {},
            { Role.STRETCH_HAMSTRINGS, Role.STRETCH_BACK },
            {},
            { Role.BACK_STRETCH, Role.RELAXATION, Role.RELAXATION } };
    /** Roles used to explain exercises added while filling time, in the order they are tried. */
    private static final Role[][] CLASSIFY = {
            { Role.BACK_STRETCH, Role.RELAXATION, Role.LIGHT_CARDIO, Role.WARM_MOVEMENT, Role.DYNAMIC },
            { Role.CORE, Role.GLUTES_AND_BACK },
            { Role.STRETCH_HIP_FLEXORS, Role.STRETCH_HAMSTRINGS, Role.STRETCH_BACK },
            { Role.CARDIO_PREFERRED, Role.CARDIO },
            { Role.FOAM_ROLL, Role.RELAXATION, Role.BACK_STRETCH } };

    public Routine compose(ProfileSpec profile, int day, long seed, int step, Mode mode, CatalogSnapshot snapshot) {
        return new Work(profile, day, seed, step, mode, snapshot).compose();
    }

    static <E extends Enum<E>> int mask(Set<E> values) {
        int mask = 0;
        for (E value : values) {
            mask |= 1 << value.ordinal();
        }
        return mask;
    }

    /** One exercise being dosed. */
    private static final class Item {
        final Candidate candidate;
        final Dosage dosage;
        final Role role;
        final boolean mandatory;
        final int sequence;
        int sets;
        int minutes;

        Item(Candidate candidate, Dosage dosage, Role role, boolean mandatory, int sequence, int sets, int minutes) {
            this.candidate = candidate;
            this.dosage = dosage;
            this.role = role;
            this.mandatory = mandatory;
            this.sequence = sequence;
            this.sets = sets;
            this.minutes = minutes;
        }

        boolean timed() {
            return dosage.minutes() > 0;
        }

        int seconds() {
            return secondsWith(sets, minutes);
        }

        int secondsWith(int withSets, int withMinutes) {
            return TimingModel.estimateSeconds(withSets, dosage.reps(), dosage.holdSeconds(), dosage.perSide(),
                    withMinutes, dosage.restSeconds());
        }

        int maxSets(int allowance) {
            return RoutineComposer.maxSets(candidate, dosage, allowance);
        }

        int maxMinutes(int allowance) {
            return RoutineComposer.maxMinutes(candidate, dosage, allowance);
        }
    }

    static int maxSets(Candidate c, Dosage d, int allowance) {
        Phase phase = c.phase();
        if (phase == Phase.STRENGTHENING) {
            // never above the guide's range (or the labelled default's): the guide gives one count, i.e. one set
            return ProgressionRules.maxSets(c.dose());
        }
        if (phase == Phase.STRETCHING) {
            int soft = Math.max(d.targetSets(), SOFT_SETS);
            return allowance >= ALLOW_MORE_SETS ? Math.max(soft, ProgressionRules.MAX_SETS) : soft;
        }
        return allowance >= ALLOW_MORE_SETS ? Math.max(d.targetSets(), ProgressionRules.MAX_SETS) : d.targetSets();
    }

    static int maxMinutes(Candidate c, Dosage d, int allowance) {
        int guideMax = c.dose().minutes().max();
        if (c.phase() == Phase.LOW_IMPACT_CARDIO) {
            return allowance >= ALLOW_MORE_CARDIO ? Math.max(d.minutes(), guideMax) + CARDIO_EXTRA_MINUTES : d.minutes();
        }
        if (allowance >= ALLOW_LONGER_RELAXATION && c.targets(Target.MIND_BREATHING)) {
            return Math.max(guideMax, EXTENDED_RELAXATION_MINUTES);
        }
        return guideMax;
    }

    /** An eligible exercise of a phase with its dose at the routine's step. */
    private record Choice(Candidate candidate, Dosage dosage) {
    }

    /**
     * Ranks inside a phase, lowest first (the guide's order). Ranks are 100 apart so that "lighter first" (difficulty,
     * then impact: at most 5 * 10 + 9) orders exercises within a rank without reaching the next one.
     */
    static final class InPhaseOrder {
        static final int PER_DIFFICULTY = 10;
        // warm-up: light movement that raises the heart rate, other dynamic moves, breathing, slow back stretches
        static final int WARM_UP_HEART_RATE = 100;
        static final int WARM_UP_DYNAMIC = 300;
        static final int WARM_UP_BREATHING = 600;
        static final int WARM_UP_STRETCHES = 700;
        // strengthening: the core exercise, then the others (lighter first)
        static final int CORE_FIRST = 0;
        static final int STRENGTHENING_OTHERS = 100;
        // stretching: back, hamstrings, hip flexors
        static final int BACK = 0;
        static final int HAMSTRINGS = 100;
        static final int HIP_FLEXORS = 200;
        // cool-down: foam rolling, stretches, relaxation
        static final int FOAM_ROLLING = 0;
        static final int COOL_DOWN_STRETCHES = 100;
        static final int RELAXATION_LAST = 200;

        private InPhaseOrder() {
        }

        static int lighterFirst(Candidate c) {
            return c.difficulty() * PER_DIFFICULTY + c.impact().ordinal();
        }
    }

    /** One step of the time fitter's hill-climb: a set or a minute more or less, an exercise dropped or added. */
    private sealed interface Move {

        void apply(Work work, int gap, int allowance);

        record AddSet(Item item) implements Move {
            public void apply(Work work, int gap, int allowance) {
                item.sets++;
            }
        }

        record RemoveSet(Item item) implements Move {
            public void apply(Work work, int gap, int allowance) {
                item.sets--;
            }
        }

        record AddMinute(Item item) implements Move {
            public void apply(Work work, int gap, int allowance) {
                item.minutes++;
            }
        }

        record RemoveMinute(Item item) implements Move {
            public void apply(Work work, int gap, int allowance) {
                item.minutes--;
            }
        }

        /** Drops an exercise that is not mandatory from phase {@code phase}. */
        record Drop(int phase, Item item) implements Move {
            public void apply(Work work, int gap, int allowance) {
                work.items[phase].remove(item);
                work.used.remove(item.candidate.id());
            }
        }

        /** Adds eligible candidate {@code index} of phase {@code phase}, one set or the minutes that fit. */
        record Add(int phase, int index) implements Move {
            public void apply(Work work, int gap, int allowance) {
                Choice choice = work.choices[phase][index];
                Item item = work.newItem(phase, index, work.classify(phase, choice.candidate()), false, gap);
                item.sets = 1;
                if (item.timed()) {
                    item.minutes = work.addedMinutes(choice, gap, allowance);
                }
                work.add(phase, item);
            }
        }
    }

    private static final class Work {
        final ProfileSpec profile;
        final int day;
        final long seed;
        final int step;
        final Mode mode;
        final int preferenceBits;
        final int target;
        /** Per phase, the eligible candidates with their dose at this step, in rotation order. */
        final Choice[][] choices = new Choice[PHASES.length][];
        final boolean[] available = new boolean[PHASES.length];
        @SuppressWarnings("unchecked")
        final List<Item>[] items = new List[PHASES.length];
        final Set<String> used = new HashSet<>();
        int[] budgets;
        int sequence;

        Work(ProfileSpec profile, int day, long seed, int step, Mode mode, CatalogSnapshot snapshot) {
            this.profile = profile;
            this.day = day;
            this.seed = seed;
            this.mode = mode;
            this.step = mode == Mode.GENTLE ? ProgressionRules.FIRST_STEP : ProgressionRules.clamp(step);
            this.preferenceBits = mask(profile.preferences());
            int minutes = mode == Mode.GENTLE
                    ? Math.min(profile.minutesPerSession(), TimeBudget.GENTLE_MAX_MINUTES)
                    : profile.minutesPerSession();
            this.target = minutes * TimingModel.SECONDS_PER_MINUTE;
            int equipment = mask(profile.equipment());
            int avoid = mask(profile.avoidPositions());
            for (Phase phase : PHASES) {
                int p = phase.ordinal();
                items[p] = new ArrayList<>(MAX_EXERCISES[p]);
                boolean skip = mode == Mode.GENTLE && GENTLE_ROLES[p].length == 0;
                List<Candidate> all = snapshot.candidates(phase);
                int count = 0;
                Candidate[] filtered = new Candidate[skip ? 0 : all.size()];
                for (int i = 0; i < filtered.length; i++) {
                    Candidate c = all.get(i);
                    if (Eligibility.eligible(c, profile.level(), equipment, avoid, profile.currentPain(), mode)
                            && Eligibility.onAllowedDay(c, day, profile.sessionsPerWeek())) {
                        filtered[count++] = c;
                    }
                }
                // rotate: consecutive days start the search at consecutive candidates
                Choice[] rotated = new Choice[count];
                int start = count == 0 ? 0 : Math.floorMod(day + salt(seed, p), count);
                for (int i = 0; i < count; i++) {
                    Candidate c = filtered[(start + i) % count];
                    rotated[i] = new Choice(c, ProgressionRules.dosage(c, this.step));
                }
                choices[p] = rotated;
                available[p] = count > 0;
            }
            dropLightCardioWithoutStretching();
        }

        /** The guide's 10 minutes of light cardio in the warm-up are there so nobody stretches cold. */
        void dropLightCardioWithoutStretching() {
            int w = Phase.WARM_UP.ordinal();
            if (available[Phase.STRETCHING.ordinal()]) {
                return;
            }
            int kept = 0;
            for (Choice choice : choices[w]) {
                if (!Role.LIGHT_CARDIO.matches(choice.candidate(), 0)) {
                    kept++;
                }
            }
            if (kept == 0 || kept == choices[w].length) {
                return;
            }
            boolean warmMovementLeft = false;
            for (Choice choice : choices[w]) {
                Candidate c = choice.candidate();
                warmMovementLeft |= !Role.LIGHT_CARDIO.matches(c, 0) && Role.WARM_MOVEMENT.matches(c, 0);
            }
            if (!warmMovementLeft) {
                return; // light cardio is then the only way to warm up: keep it
            }
            Choice[] withoutLightCardio = new Choice[kept];
            int k = 0;
            for (Choice choice : choices[w]) {
                if (!Role.LIGHT_CARDIO.matches(choice.candidate(), 0)) {
                    withoutLightCardio[k++] = choice;
                }
            }
            choices[w] = withoutLightCardio;
        }

        boolean hasWarmMovement() {
            for (Choice choice : choices[Phase.WARM_UP.ordinal()]) {
                if (Role.WARM_MOVEMENT.matches(choice.candidate(), 0)) {
                    return true;
                }
            }
            return false;
        }

        Routine compose() {
            if (!available[Phase.WARM_UP.ordinal()]) {
                throw new NoSafeRoutineException("avoidPositions", "No warm-up exercise fits your equipment, positions"
                        + " and level, and a session must start with a warm-up. Allow more positions or equipment.");
            }
            if (!hasWarmMovement()) {
                throw new NoSafeRoutineException("avoidPositions", "No warm-up movement that raises your heart rate"
                        + " (walking or jogging in place, arm circles, light cardio) fits your positions, equipment and"
                        + " level, and the guide says to always warm up before stretching. Allow standing, or add"
                        + " equipment such as a stationary bike.");
            }
            if (!available[Phase.COOL_DOWN.ordinal()]) {
                throw new NoSafeRoutineException("avoidPositions", "No cool-down exercise fits your equipment,"
                        + " positions and level, and a session must end with a cool-down. Allow more positions or equipment.");
            }
            budgets = mode == Mode.GENTLE ? TimeBudget.gentle(target, available)
                    : TimeBudget.standard(target, cardioQuotaSeconds(), available);
            Role[][] roles = mode == Mode.GENTLE ? GENTLE_ROLES : STANDARD_ROLES;
            for (Phase phase : PHASES) {
                int p = phase.ordinal();
                if (available[p]) {
                    select(p, roles[p]);
                    climb(p, budgets[p], ALLOW_STEP_DOSES);
                }
            }
            for (int allowance = ALLOW_STEP_DOSES; allowance < ALLOWANCES; allowance++) {
                climb(-1, target, allowance);
            }
            int total = total();
            boolean tooLong = (total - target) * 100 > TIME_TOLERANCE_PERCENT * target;
            boolean tooShort = (target - total) * 100 > TIME_TOLERANCE_PERCENT * target;
            // a gentle-only day may end early when few gentle exercises fit: less is fine on a high-pain day
            if (tooLong || tooShort && mode == Mode.STANDARD) {
                throw new NoSafeRoutineException("minutesPerSession", "Only about " + Math.round(total / 60.0)
                        + " of the " + target / 60 + " minutes can be filled with exercises that fit your equipment,"
                        + " positions and level. Choose a shorter session or fewer restrictions.");
            }
            return build(total);
        }

        int cardioQuotaSeconds() {
            return (ProgressionRules.CARDIO_START_MINUTES + ProgressionRules.CARDIO_MINUTES_PER_STEP * step)
                    * TimingModel.SECONDS_PER_MINUTE;
        }

        void select(int p, Role[] roles) {
            List<Item> phaseItems = items[p];
            Role firstRole = p == Phase.STRENGTHENING.ordinal() && mode == Mode.STANDARD ? Role.CORE : null;
            int first = firstRole == null ? -1 : smallestFit(p, firstRole, budgets[p]);
            if (first >= 0) {
                add(p, newItem(p, first, firstRole, true, budgets[p]));
            }
            for (Role role : roles) {
                if (role == firstRole) {
                    continue;
                }
                if (phaseItems.size() >= MAX_EXERCISES[p]) {
                    break;
                }
                int index = find(p, role);
                if (index < 0 && role == Role.CORE) {
                    // the core rule outranks variety: reuse one the guide also lists elsewhere
                    index = findAny(p, role);
                }
                if (index < 0) {
                    continue;
                }
                // the first exercise of a phase stays whatever else has to go
                Item item = newItem(p, index, role, phaseItems.isEmpty(), budgets[p] - seconds(p));
                // the warm-up always opens with a warming movement, even when it is short
                boolean opensWarmUp = role == Role.WARM_MOVEMENT && phaseItems.isEmpty();
                if (opensWarmUp || seconds(p) + minimalSeconds(p, index) <= budgets[p]) {
                    add(p, item);
                }
            }
            if (phaseItems.isEmpty()) {
                // nothing fitted a role: the quickest candidate, unused if possible (one used elsewhere is fine:
                // the catalog lists it for this phase too, so the guide uses it in both)
                int index = smallestFit(p, Role.EXTRA, budgets[p]);
                add(p, newItem(p, index, classify(p, choices[p][index].candidate()), true, budgets[p]));
            }
        }

        /** The first candidate for {@code role} (in rotation order) that fits {@code budget}, else the quickest. */
        int smallestFit(int p, Role role, int budget) {
            int quickest = -1;
            int quickestSeconds = Integer.MAX_VALUE;
            for (int pass = 0; pass < 2; pass++) {
                Choice[] candidates = choices[p];
                for (int i = 0; i < candidates.length; i++) {
                    boolean fresh = !used.contains(candidates[i].candidate().id());
                    if ((pass == 0) != fresh || !role.matches(candidates[i].candidate(), preferenceBits)) {
                        continue;
                    }
                    int seconds = minimalSeconds(p, i);
                    if (seconds <= budget) {
                        return i;
                    }
                    if (seconds < quickestSeconds) {
                        quickestSeconds = seconds;
                        quickest = i;
                    }
                }
                if (quickest >= 0) {
                    return quickest;
                }
            }
            return quickest;
        }

        /** One set, or one minute: the least this candidate can take. */
        int minimalSeconds(int p, int index) {
            Dosage d = choices[p][index].dosage();
            if (d.minutes() > 0) {
                return TimingModel.estimateSeconds(0, 0, 0, false, MIN_MINUTES, 0);
            }
            return TimingModel.estimateSeconds(1, d.reps(), d.holdSeconds(), d.perSide(), 0, d.restSeconds());
        }

        int find(int p, Role role) {
            Choice[] candidates = choices[p];
            for (int i = 0; i < candidates.length; i++) {
                if (!used.contains(candidates[i].candidate().id()) && role.matches(candidates[i].candidate(), preferenceBits)) {
                    return i;
                }
            }
            return -1;
        }

        int findAny(int p, Role role) {
            Choice[] candidates = choices[p];
            for (int i = 0; i < candidates.length; i++) {
                if (role.matches(candidates[i].candidate(), preferenceBits) && !inPhase(p, candidates[i].candidate())) {
                    return i;
                }
            }
            return -1;
        }

        boolean inPhase(int p, Candidate c) {
            for (Item item : items[p]) {
                if (item.candidate == c) {
                    return true;
                }
            }
            return false;
        }

        Item newItem(int p, int index, Role role, boolean mandatory, int secondsLeft) {
            Candidate c = choices[p][index].candidate();
            Dosage d = choices[p][index].dosage();
            int minutes = 0;
            if (d.minutes() > 0) {
                int fits = Math.max(MIN_MINUTES, (secondsLeft - TimingModel.TRANSITION_SECONDS) / TimingModel.SECONDS_PER_MINUTE);
                minutes = Math.min(d.minutes(), fits);
            }
            return new Item(c, d, role, mandatory, sequence++, Math.max(1, d.sets()), minutes);
        }

        void add(int p, Item item) {
            items[p].add(item);
            used.add(item.candidate.id());
        }

        Role classify(int p, Candidate c) {
            for (Role role : CLASSIFY[p]) {
                if (role.matches(c, preferenceBits)) {
                    return role;
                }
            }
            return Role.EXTRA;
        }

        int seconds(int p) {
            int sum = 0;
            for (Item item : items[p]) {
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

        /**
         * Moves the phase ({@code phase >= 0}) or the whole routine towards {@code goal} one best move at a time:
         * a set or a minute more or less, an exercise added or dropped. Stops when no move gets closer.
         */
        void climb(int phase, int goal, int allowance) {
            int from = phase < 0 ? 0 : phase;
            int to = phase < 0 ? PHASES.length - 1 : phase;
            for (int moves = 0; moves < MAX_MOVES; moves++) {
                int current = 0;
                for (int p = from; p <= to; p++) {
                    current += seconds(p);
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
        Move bestMove(int from, int to, int gap, int allowance) {
            int best = Math.abs(gap);
            Move bestMove = null;
            for (int p = from; p <= to; p++) {
                List<Item> phaseItems = items[p];
                for (int i = 0; i < phaseItems.size(); i++) {
                    Item item = phaseItems.get(i);
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
                            if (item.minutes > MIN_MINUTES) {
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
                boolean room = phaseItems.size() < MAX_EXERCISES[p]
                        && (p != Phase.LOW_IMPACT_CARDIO.ordinal() || allowance >= ALLOW_MORE_CARDIO || phaseItems.isEmpty());
                if (gap > 0 && room && available[p]) {
                    Choice[] candidates = choices[p];
                    for (int i = 0; i < candidates.length; i++) {
                        // variety first; from ALLOW_LONGER_RELAXATION on, an exercise the guide also lists for this
                        // phase may come back here (cool-down child's pose after the stretching one), never twice a phase
                        if (used.contains(candidates[i].candidate().id()) && (allowance < ALLOW_LONGER_RELAXATION || inPhase(p, candidates[i].candidate()))) {
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

        int addedMinutes(Choice choice, int gap, int allowance) {
            int cap = maxMinutes(choice.candidate(), choice.dosage(), allowance);
            int fits = (gap - TimingModel.TRANSITION_SECONDS + TimingModel.SECONDS_PER_MINUTE / 2) / TimingModel.SECONDS_PER_MINUTE;
            return Math.max(MIN_MINUTES, Math.min(cap, fits));
        }

        int addedSeconds(Choice choice, int gap, int allowance) {
            Dosage d = choice.dosage();
            if (d.minutes() > 0) {
                return TimingModel.estimateSeconds(0, 0, 0, false, addedMinutes(choice, gap, allowance), 0);
            }
            return TimingModel.estimateSeconds(1, d.reps(), d.holdSeconds(), d.perSide(), 0, d.restSeconds());
        }

        Routine build(int total) {
            List<RoutinePhase> phases = new ArrayList<>(PHASES.length);
            for (Phase phase : PHASES) {
                int p = phase.ordinal();
                List<Item> phaseItems = new ArrayList<>(items[p]);
                phaseItems.sort(Comparator.comparingInt((Item item) -> orderKey(phase, item))
                        .thenComparingInt(item -> item.sequence));
                List<RoutineExercise> exercises = new ArrayList<>(phaseItems.size());
                int phaseSeconds = 0;
                for (Item item : phaseItems) {
                    int seconds = item.seconds();
                    phaseSeconds += seconds;
                    exercises.add(toExercise(phase, item, seconds));
                }
                phases.add(new RoutinePhase(phase, p + 1, PHASE_NAMES[p], phaseSeconds, note(p),
                        List.copyOf(exercises)));
            }
            List<String> advice = mode == Mode.GENTLE ? SafetyGate.GENTLE_ADVICE : List.of();
            // the guide: "Before beginning any type of strengthening exercises, it is important to consult with your
            // doctor" - said once for the whole routine, until the profile records that the person has
            List<Routine.Notice> notices = !items[Phase.STRENGTHENING.ordinal()].isEmpty()
                    && !profile.doctorCheckedStrengthening() ? List.of(Routine.Notice.DOCTOR_CHECK) : List.of();
            return new Routine(mode, profile.minutesPerSession(), target, total, step, day, List.copyOf(phases),
                    SafetyGate.GENERAL_CAUTIONS, advice, notices);
        }

        String note(int p) {
            if (available[p]) {
                return null;
            }
            if (mode == Mode.GENTLE && GENTLE_ROLES[p].length == 0) {
                return "Skipped today: with pain of " + SafetyGate.GENTLE_ONLY_PAIN
                        + "/10 or more, only gentle mobility, breathing and relaxation.";
            }
            return "No " + PHASE_NAMES[p].toLowerCase() + " exercise fits your equipment, positions and level today;"
                    + " its time went to the other phases.";
        }

        /** The guide's order inside a phase: the lowest rank first ({@link InPhaseOrder}), then the order added. */
        static int orderKey(Phase phase, Item item) {
            Candidate c = item.candidate;
            return switch (phase) {
                // movement that raises the heart rate first (light to hard), then other dynamic moves, then a few
                // minutes of breathing, and the slow back stretches last: never a stretch before the muscles are warm
                case WARM_UP -> {
                    if (Role.WARM_MOVEMENT.matches(c, 0)) {
                        yield InPhaseOrder.WARM_UP_HEART_RATE + InPhaseOrder.lighterFirst(c);
                    }
                    if (c.targetsOnly(Target.MIND_BREATHING)) {
                        yield InPhaseOrder.WARM_UP_BREATHING;
                    }
                    if (Role.BACK_STRETCH.matches(c, 0) || c.dose().holdSeconds() != null) {
                        yield InPhaseOrder.WARM_UP_STRETCHES;
                    }
                    yield InPhaseOrder.WARM_UP_DYNAMIC + InPhaseOrder.lighterFirst(c);
                }
                case STRENGTHENING -> item.mandatory ? InPhaseOrder.CORE_FIRST
                        : InPhaseOrder.STRENGTHENING_OTHERS + c.difficulty() * InPhaseOrder.PER_DIFFICULTY;
                // the guide's order: back, hamstrings, hip flexors
                case STRETCHING -> item.role == Role.STRETCH_HIP_FLEXORS ? InPhaseOrder.HIP_FLEXORS
                        : item.role == Role.STRETCH_HAMSTRINGS ? InPhaseOrder.HAMSTRINGS : InPhaseOrder.BACK;
                // foam rolling first, stretches, relaxation last
                case COOL_DOWN -> Role.FOAM_ROLL.matches(c, 0) ? InPhaseOrder.FOAM_ROLLING
                        : Role.RELAXATION.matches(c, 0) ? InPhaseOrder.RELAXATION_LAST
                        : InPhaseOrder.COOL_DOWN_STRETCHES;
                default -> 0;
            };
        }

        RoutineExercise toExercise(Phase phase, Item item, int seconds) {
            Candidate c = item.candidate;
            Dosage d = item.dosage;
            Prescription prescription;
            if (item.timed()) {
                String summary = item.minutes + " min" + (d.intensity() != null ? ", " + d.intensity() : "")
                        + (d.holdSeconds() > 0 ? ", holds of " + d.holdSeconds() + " s" : "");
                prescription = new Prescription(null, null, d.holdSeconds() > 0 ? d.holdSeconds() : null, false,
                        item.minutes, null, d.intensity(), summary, c.dose().source(), c.dose().sourceNote());
            } else {
                boolean singleHold = d.reps() == 1 && d.holdSeconds() > 0;
                Integer reps = d.reps() > 0 && !singleHold ? d.reps() : null;
                prescription = new Prescription(item.sets, reps, d.holdSeconds() > 0 ? d.holdSeconds() : null,
                        d.perSide(), null, item.sets > 1 ? d.restSeconds() : null, null, summary(item, reps),
                        c.dose().source(), c.dose().sourceNote());
            }
            String why = item.role.why(phase);
            if (mode == Mode.GENTLE) {
                why = "Gentle option for a high-pain day. " + why;
            }
            if (!c.targetsText().isEmpty()) {
                why = why + " Works: " + c.targetsText() + ".";
            }
            return new RoutineExercise(c.id(), c.exercise().name(), prescription, seconds, why, c.cautions(),
                    c.exercise().consultDoctorFirst());
        }

        static String summary(Item item, Integer reps) {
            Dosage d = item.dosage;
            StringBuilder text = new StringBuilder(48);
            if (item.sets > 1) {
                text.append(item.sets).append(" x ");
            }
            if (reps != null) {
                text.append(reps).append(reps == 1 ? " rep" : " reps");
                if (d.holdSeconds() > 0) {
                    text.append(", hold ").append(d.holdSeconds()).append(" s each");
                }
            } else if (d.holdSeconds() > 0) {
                text.append("hold ").append(d.holdSeconds()).append(" s");
            }
            if (d.perSide()) {
                text.append(", per side");
            }
            if (item.sets > 1) {
                text.append(", rest ").append(d.restSeconds()).append(" s between sets");
            }
            return text.toString();
        }
    }

    /** A per-phase offset from the seed, so different plans rotate differently (SplitMix64 finaliser). */
    static int salt(long seed, int phase) {
        long z = seed + 0x9E3779B97F4A7C15L * (phase + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (int) (z & 0x7fffffff);
    }
}
