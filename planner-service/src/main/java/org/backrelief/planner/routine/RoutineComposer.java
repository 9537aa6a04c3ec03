package org.backrelief.planner.routine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.backrelief.common.domain.Impact;
import org.backrelief.common.domain.Level;
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
 * the level's cap ({@value #MAX_DIFFICULTY_BEGINNER} for beginners, so never shuffles or sprints); from pain
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
    public static final int MAX_DIFFICULTY_BEGINNER = 3;
    public static final int MAX_DIFFICULTY_INTERMEDIATE = 4;
    public static final int MAX_DIFFICULTY_ADVANCED = 5;
    /** At most this many exercises per phase, in {@link Phase} order. */
    static final int[] MAX_EXERCISES = { 5, 8, 5, 2, 4 };
    /** Relaxation may run this long when the time cannot be filled otherwise. */
    static final int EXTENDED_RELAXATION_MINUTES = 15;
    /**
     * How far doses may stretch to fill the time, tried in order: 0 the step's doses (strengthening and stretching up
     * to {@value #SOFT_SETS} sets); 1 up to {@link ProgressionRules#MAX_SETS} sets; 2 longer relaxation; 3 cardio past
     * its quota.
     */
    static final int LEVELS = 4;
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

    public static int maxDifficulty(Level level) {
        return switch (level) {
            case BEGINNER -> MAX_DIFFICULTY_BEGINNER;
            case INTERMEDIATE -> MAX_DIFFICULTY_INTERMEDIATE;
            case ADVANCED -> MAX_DIFFICULTY_ADVANCED;
        };
    }

    /** Whether {@code c} may appear at all for this person today. */
    static boolean eligible(Candidate c, Level level, int equipmentMask, int avoidMask, int pain, Mode mode) {
        if ((c.equipmentMask() & ~equipmentMask) != 0 || (c.avoidMask() & avoidMask) != 0) {
            return false;
        }
        if (c.exercise().minLevel().ordinal() > level.ordinal() || c.difficulty() > maxDifficulty(level)) {
            return false;
        }
        if (pain >= SafetyGate.NO_MODERATE_IMPACT_PAIN && c.impact() == Impact.MODERATE) {
            return false;
        }
        return mode != Mode.GENTLE || c.gentle();
    }

    /**
     * Whether an exercise the guide limits to a few times a week (back extensions: "two or three times per week") may
     * be on this session: session {@code slot = day % sessionsPerWeek} of the week, and only {@code timesPerWeek.max}
     * slots of the week, spread evenly (3 of 7: slots 0, 3, 5). Program sessions use their index as the day and every
     * program week holds exactly {@code sessionsPerWeek} sessions, so no week has more.
     */
    static boolean onAllowedDay(Candidate c, int day, int sessionsPerWeek) {
        var perWeek = c.dose().timesPerWeek();
        if (perWeek == null || sessionsPerWeek <= perWeek.max()) {
            return true;
        }
        if (perWeek.max() <= 0) {
            return false;
        }
        int slot = Math.floorMod(day, sessionsPerWeek);
        return slot == 0 || slot * perWeek.max() / sessionsPerWeek != (slot - 1) * perWeek.max() / sessionsPerWeek;
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

        int maxSets(int level) {
            return RoutineComposer.maxSets(candidate, dosage, level);
        }

        int maxMinutes(int level) {
            return RoutineComposer.maxMinutes(candidate, dosage, level);
        }
    }

    static int maxSets(Candidate c, Dosage d, int level) {
        Phase phase = c.phase();
        if (phase == Phase.STRENGTHENING) {
            // never above the guide's range (or the labelled default's): the guide gives one count, i.e. one set
            return ProgressionRules.maxSets(c.dose());
        }
        if (phase == Phase.STRETCHING) {
            int soft = Math.max(d.targetSets(), SOFT_SETS);
            return level >= 1 ? Math.max(soft, ProgressionRules.MAX_SETS) : soft;
        }
        return level >= 1 ? Math.max(d.targetSets(), ProgressionRules.MAX_SETS) : d.targetSets();
    }

    static int maxMinutes(Candidate c, Dosage d, int level) {
        int guideMax = c.dose().minutes().max();
        if (c.phase() == Phase.LOW_IMPACT_CARDIO) {
            return level >= 3 ? Math.max(d.minutes(), guideMax) + CARDIO_EXTRA_MINUTES : d.minutes();
        }
        if (level >= 2 && c.targets(Target.MIND_BREATHING)) {
            return Math.max(guideMax, EXTENDED_RELAXATION_MINUTES);
        }
        return guideMax;
    }

    private static final class Work {
        final ProfileSpec profile;
        final int day;
        final long seed;
        final int step;
        final Mode mode;
        final int preferenceBits;
        final int target;
        final Candidate[][] eligible = new Candidate[PHASES.length][];
        final Dosage[][] dosages = new Dosage[PHASES.length][];
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
                    if (eligible(c, profile.level(), equipment, avoid, profile.currentPain(), mode)
                            && onAllowedDay(c, day, profile.sessionsPerWeek())) {
                        filtered[count++] = c;
                    }
                }
                // rotate: consecutive days start the search at consecutive candidates
                Candidate[] rotated = new Candidate[count];
                Dosage[] doses = new Dosage[count];
                int start = count == 0 ? 0 : Math.floorMod(day + salt(seed, p), count);
                for (int i = 0; i < count; i++) {
                    rotated[i] = filtered[(start + i) % count];
                    doses[i] = ProgressionRules.dosage(rotated[i], this.step);
                }
                eligible[p] = rotated;
                dosages[p] = doses;
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
            for (int i = 0; i < eligible[w].length; i++) {
                if (!Role.LIGHT_CARDIO.matches(eligible[w][i], 0)) {
                    kept++;
                }
            }
            if (kept == 0 || kept == eligible[w].length) {
                return;
            }
            boolean warmMovementLeft = false;
            for (Candidate c : eligible[w]) {
                warmMovementLeft |= !Role.LIGHT_CARDIO.matches(c, 0) && Role.WARM_MOVEMENT.matches(c, 0);
            }
            if (!warmMovementLeft) {
                return; // light cardio is then the only way to warm up: keep it
            }
            Candidate[] candidates = new Candidate[kept];
            Dosage[] doses = new Dosage[kept];
            for (int i = 0, k = 0; i < eligible[w].length; i++) {
                if (!Role.LIGHT_CARDIO.matches(eligible[w][i], 0)) {
                    candidates[k] = eligible[w][i];
                    doses[k++] = dosages[w][i];
                }
            }
            eligible[w] = candidates;
            dosages[w] = doses;
        }

        boolean hasWarmMovement() {
            for (Candidate c : eligible[Phase.WARM_UP.ordinal()]) {
                if (Role.WARM_MOVEMENT.matches(c, 0)) {
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
                    climb(p, budgets[p], 0);
                }
            }
            for (int level = 0; level < LEVELS; level++) {
                climb(-1, target, level);
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
                add(p, newItem(p, index, classify(p, eligible[p][index]), true, budgets[p]));
            }
        }

        /** The first candidate for {@code role} (in rotation order) that fits {@code budget}, else the quickest. */
        int smallestFit(int p, Role role, int budget) {
            int quickest = -1;
            int quickestSeconds = Integer.MAX_VALUE;
            for (int pass = 0; pass < 2; pass++) {
                Candidate[] candidates = eligible[p];
                for (int i = 0; i < candidates.length; i++) {
                    boolean fresh = !used.contains(candidates[i].id());
                    if ((pass == 0) != fresh || !role.matches(candidates[i], preferenceBits)) {
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
            Dosage d = dosages[p][index];
            if (d.minutes() > 0) {
                return TimingModel.estimateSeconds(0, 0, 0, false, MIN_MINUTES, 0);
            }
            return TimingModel.estimateSeconds(1, d.reps(), d.holdSeconds(), d.perSide(), 0, d.restSeconds());
        }

        int find(int p, Role role) {
            Candidate[] candidates = eligible[p];
            for (int i = 0; i < candidates.length; i++) {
                if (!used.contains(candidates[i].id()) && role.matches(candidates[i], preferenceBits)) {
                    return i;
                }
            }
            return -1;
        }

        int findAny(int p, Role role) {
            Candidate[] candidates = eligible[p];
            for (int i = 0; i < candidates.length; i++) {
                if (role.matches(candidates[i], preferenceBits) && !inPhase(p, candidates[i])) {
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
            Candidate c = eligible[p][index];
            Dosage d = dosages[p][index];
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
        void climb(int phase, int goal, int level) {
            int from = phase < 0 ? 0 : phase;
            int to = phase < 0 ? PHASES.length - 1 : phase;
            for (int move = 0; move < MAX_MOVES; move++) {
                int current = 0;
                for (int p = from; p <= to; p++) {
                    current += seconds(p);
                }
                int gap = goal - current;
                if (Math.abs(gap) <= GOOD_ENOUGH_SECONDS) {
                    return;
                }
                int best = Math.abs(gap);
                Item bestItem = null;
                int bestKind = 0; // 1 sets+, 2 sets-, 3 minutes+, 4 minutes-, 5 remove, 6 add
                int bestPhase = -1;
                int bestIndex = -1;
                for (int p = from; p <= to; p++) {
                    List<Item> phaseItems = items[p];
                    for (int i = 0; i < phaseItems.size(); i++) {
                        Item item = phaseItems.get(i);
                        int now = item.seconds();
                        int delta;
                        if (gap > 0) {
                            if (item.timed()) {
                                if (item.minutes < item.maxMinutes(level)) {
                                    delta = TimingModel.SECONDS_PER_MINUTE;
                                    if (Math.abs(gap - delta) < best) {
                                        best = Math.abs(gap - delta);
                                        bestItem = item;
                                        bestKind = 3;
                                    }
                                }
                            } else if (item.sets < item.maxSets(level)) {
                                delta = item.secondsWith(item.sets + 1, 0) - now;
                                if (Math.abs(gap - delta) < best) {
                                    best = Math.abs(gap - delta);
                                    bestItem = item;
                                    bestKind = 1;
                                }
                            }
                        } else {
                            if (item.timed()) {
                                if (item.minutes > MIN_MINUTES) {
                                    delta = -TimingModel.SECONDS_PER_MINUTE;
                                    if (Math.abs(gap - delta) < best) {
                                        best = Math.abs(gap - delta);
                                        bestItem = item;
                                        bestKind = 4;
                                    }
                                }
                            } else if (item.sets > 1) {
                                delta = item.secondsWith(item.sets - 1, 0) - now;
                                if (Math.abs(gap - delta) < best) {
                                    best = Math.abs(gap - delta);
                                    bestItem = item;
                                    bestKind = 2;
                                }
                            }
                            if (!item.mandatory && Math.abs(gap + now) < best) {
                                best = Math.abs(gap + now);
                                bestItem = item;
                                bestKind = 5;
                                bestPhase = p;
                            }
                        }
                    }
                    // a second cardio activity only when cardio may run past its quota anyway
                    boolean room = phaseItems.size() < MAX_EXERCISES[p]
                            && (p != Phase.LOW_IMPACT_CARDIO.ordinal() || level >= 3 || phaseItems.isEmpty());
                    if (gap > 0 && room && available[p]) {
                        Candidate[] candidates = eligible[p];
                        for (int i = 0; i < candidates.length; i++) {
                            // variety first; from level 2 on, an exercise the guide also lists for this phase may
                            // come back here (cool-down child's pose after the stretching one), never twice a phase
                            if (used.contains(candidates[i].id()) && (level < 2 || inPhase(p, candidates[i]))) {
                                continue;
                            }
                            if (p == Phase.LOW_IMPACT_CARDIO.ordinal()
                                    && addedMinutes(dosages[p][i], gap, level, candidates[i]) < MIN_ADDED_CARDIO_MINUTES) {
                                continue;
                            }
                            int seconds = addedSeconds(dosages[p][i], gap, level, candidates[i]);
                            if (Math.abs(gap - seconds) < best) {
                                best = Math.abs(gap - seconds);
                                bestItem = null;
                                bestKind = 6;
                                bestPhase = p;
                                bestIndex = i;
                            }
                        }
                    }
                }
                switch (bestKind) {
                    case 1 -> bestItem.sets++;
                    case 2 -> bestItem.sets--;
                    case 3 -> bestItem.minutes++;
                    case 4 -> bestItem.minutes--;
                    case 5 -> {
                        items[bestPhase].remove(bestItem);
                        used.remove(bestItem.candidate.id());
                    }
                    case 6 -> {
                        Candidate c = eligible[bestPhase][bestIndex];
                        Item item = newItem(bestPhase, bestIndex, classify(bestPhase, c), false, gap);
                        item.sets = 1;
                        if (item.timed()) {
                            item.minutes = addedMinutes(dosages[bestPhase][bestIndex], gap, level, c);
                        }
                        add(bestPhase, item);
                    }
                    default -> {
                        return;
                    }
                }
            }
        }

        int addedMinutes(Dosage d, int gap, int level, Candidate c) {
            int cap = maxMinutes(c, d, level);
            int fits = (gap - TimingModel.TRANSITION_SECONDS + TimingModel.SECONDS_PER_MINUTE / 2) / TimingModel.SECONDS_PER_MINUTE;
            return Math.max(MIN_MINUTES, Math.min(cap, fits));
        }

        int addedSeconds(Dosage d, int gap, int level, Candidate c) {
            if (d.minutes() > 0) {
                return TimingModel.estimateSeconds(0, 0, 0, false, addedMinutes(d, gap, level, c), 0);
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

        /** The guide's order inside a phase. */
        static int orderKey(Phase phase, Item item) {
            Candidate c = item.candidate;
            return switch (phase) {
                // movement that raises the heart rate first (light to hard), then other dynamic moves, then a few
                // minutes of breathing, and the slow back stretches last: never a stretch before the muscles are warm
                case WARM_UP -> {
                    if (Role.WARM_MOVEMENT.matches(c, 0)) {
                        yield 100 + c.difficulty() * 10 + c.impact().ordinal();
                    }
                    if (c.targetsOnly(Target.MIND_BREATHING)) {
                        yield 600;
                    }
                    if (Role.BACK_STRETCH.matches(c, 0) || c.dose().holdSeconds() != null) {
                        yield 700;
                    }
                    yield 300 + c.difficulty() * 10 + c.impact().ordinal();
                }
                case STRENGTHENING -> item.mandatory ? 0 : 100 + c.difficulty() * 10;
                // the guide's order: back, hamstrings, hip flexors
                case STRETCHING -> item.role == Role.STRETCH_HIP_FLEXORS ? 200
                        : item.role == Role.STRETCH_HAMSTRINGS ? 100 : 0;
                // foam rolling first, stretches, relaxation last
                case COOL_DOWN -> Role.FOAM_ROLL.matches(c, 0) ? 0 : Role.RELAXATION.matches(c, 0) ? 200 : 100;
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
