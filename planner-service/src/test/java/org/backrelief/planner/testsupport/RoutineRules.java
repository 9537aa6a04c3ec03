package org.backrelief.planner.testsupport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.backrelief.common.domain.Equipment;
import org.backrelief.common.domain.Impact;
import org.backrelief.common.domain.Level;
import org.backrelief.common.domain.Phase;
import org.backrelief.common.domain.Position;
import org.backrelief.common.domain.Target;
import org.backrelief.planner.catalog.CatalogExercise;
import org.backrelief.planner.catalog.CatalogExercise.Dose;
import org.backrelief.planner.catalog.CatalogExercise.PhaseEntry;
import org.backrelief.planner.catalog.CatalogSnapshot;
import org.backrelief.planner.profile.AvoidPosition;
import org.backrelief.planner.profile.ProfileSpec;
import org.backrelief.planner.routine.Routine;
import org.backrelief.planner.routine.Routine.RoutineExercise;
import org.backrelief.planner.routine.Routine.RoutinePhase;
import org.backrelief.planner.safety.SafetyGate;

/**
 * The hard rules of a routine, checked independently of the composer (straight from the catalog data and the
 * profile). Returns the violations, so a failing property says exactly what broke.
 */
public final class RoutineRules {

    public static final int TOLERANCE_PERCENT = 10;
    public static final int GENTLE_MAX_MINUTES = 20;

    private RoutineRules() {
    }

    public static List<String> violations(ProfileSpec profile, Routine routine, CatalogSnapshot catalog) {
        List<String> v = new ArrayList<>();
        boolean gentle = profile.currentPain() >= SafetyGate.GENTLE_ONLY_PAIN;
        if (gentle != (routine.mode() == Routine.Mode.GENTLE)) {
            v.add("mode " + routine.mode() + " for pain " + profile.currentPain());
        }
        // five phases, in the guide's order, warm-up first and cool-down last, never empty
        List<RoutinePhase> phases = routine.phases();
        if (phases.size() != 5) {
            v.add("expected 5 phases, got " + phases.size());
            return v;
        }
        for (int i = 0; i < 5; i++) {
            if (phases.get(i).phase() != Phase.values()[i] || phases.get(i).order() != i + 1) {
                v.add("phase " + i + " is " + phases.get(i).phase());
            }
        }
        if (phases.get(0).exercises().isEmpty()) {
            v.add("warm-up is empty");
        }
        if (phases.get(4).exercises().isEmpty()) {
            v.add("cool-down is empty");
        }
        // time: the estimates add up, and the total is within the tolerance of the target
        int total = 0;
        for (RoutinePhase phase : phases) {
            int sum = phase.exercises().stream().mapToInt(RoutineExercise::estimatedSeconds).sum();
            if (sum != phase.estimatedSeconds()) {
                v.add(phase.phase() + " estimate " + phase.estimatedSeconds() + " != sum " + sum);
            }
            total += phase.estimatedSeconds();
        }
        if (total != routine.estimatedSeconds()) {
            v.add("routine estimate " + routine.estimatedSeconds() + " != sum " + total);
        }
        int requested = profile.minutesPerSession() * 60;
        if (gentle) {
            int cap = Math.min(requested, GENTLE_MAX_MINUTES * 60);
            if (total * 100 > cap * (100 + TOLERANCE_PERCENT)) {
                v.add("gentle routine of " + total + " s exceeds " + cap + " s + 10 %");
            }
        } else if (Math.abs(total - requested) * 100 > requested * TOLERANCE_PERCENT) {
            v.add("total " + total + " s not within 10 % of " + requested + " s");
        }
        // every exercise: listed by the catalog for its phase, with that phase's kind of dose, and allowed
        Map<String, Set<Phase>> seen = new HashMap<>();
        for (RoutinePhase phase : phases) {
            Set<String> inPhase = new HashSet<>();
            for (RoutineExercise e : phase.exercises()) {
                if (!inPhase.add(e.exerciseId())) {
                    v.add(e.exerciseId() + " twice in " + phase.phase());
                }
                seen.computeIfAbsent(e.exerciseId(), k -> new HashSet<>()).add(phase.phase());
                CatalogExercise c = catalog.exercise(e.exerciseId()).orElse(null);
                if (c == null) {
                    v.add(e.exerciseId() + " is not in the catalog");
                    continue;
                }
                PhaseEntry entry = c.phases().stream().filter(p -> p.phase() == phase.phase()).findFirst().orElse(null);
                if (entry == null) {
                    v.add(e.exerciseId() + " is not a " + phase.phase() + " exercise");
                    continue;
                }
                v.addAll(doseViolations(e, entry.dose(), phase.phase()));
                v.addAll(eligibilityViolations(profile, c, positionOf(c, entry), e.exerciseId()));
                if (gentle && !isGentle(c, phase.phase())) {
                    v.add(e.exerciseId() + " is not gentle enough for pain " + profile.currentPain());
                }
                if (e.estimatedSeconds() <= 0 || e.why() == null || e.why().isBlank()
                        || e.prescription().summary() == null) {
                    v.add(e.exerciseId() + " lacks an estimate, a reason or a summary");
                }
            }
        }
        if (gentle && (!phases.get(1).exercises().isEmpty() || !phases.get(3).exercises().isEmpty())) {
            v.add("strengthening or cardio on a gentle-only day");
        }
        // strengthening has a core exercise whenever one is allowed
        if (!gentle && coreAllowed(profile, catalog) && phases.get(1).exercises().stream()
                .noneMatch(e -> catalog.exercise(e.exerciseId()).map(c -> c.targets().contains(Target.CORE)).orElse(false))) {
            v.add("no core exercise in strengthening although one is allowed");
        }
        if (!routine.cautions().containsAll(SafetyGate.GENERAL_CAUTIONS)) {
            v.add("general cautions missing");
        }
        v.addAll(warmUpOrderViolations(routine, catalog));
        v.addAll(doctorCheckViolations(profile, routine));
        return v;
    }

    /**
     * The guide: "always warm up before stretching because cold muscles are more prone to injury". The routine starts
     * with a warming movement, and no static stretch (of any phase) comes before the first one.
     */
    public static List<String> warmUpOrderViolations(Routine routine, CatalogSnapshot catalog) {
        List<String> v = new ArrayList<>();
        boolean first = true;
        for (RoutinePhase phase : routine.phases()) {
            for (RoutineExercise e : phase.exercises()) {
                CatalogExercise c = catalog.exercise(e.exerciseId()).orElse(null);
                PhaseEntry entry = c == null ? null
                        : c.phases().stream().filter(p -> p.phase() == phase.phase()).findFirst().orElse(null);
                if (entry == null) {
                    continue;
                }
                if (isWarmingMovement(c, entry)) {
                    return v;
                }
                if (first) {
                    v.add("the routine starts with " + e.exerciseId() + ", not with a movement that raises the heart rate");
                }
                if (isStaticStretch(entry)) {
                    v.add("static stretch " + e.exerciseId() + " (" + phase.phase() + ") before any warming movement");
                }
                first = false;
            }
        }
        return v;
    }

    /** One doctor-check notice while the routine has strengthening and the profile has not recorded the check. */
    public static List<String> doctorCheckViolations(ProfileSpec profile, Routine routine) {
        List<String> v = new ArrayList<>();
        boolean strengthening = !routine.phases().get(1).exercises().isEmpty();
        long notices = routine.notices().stream()
                .filter(n -> n.code() == Routine.NoticeCode.DOCTOR_CHECK_BEFORE_STRENGTHENING).count();
        long expected = strengthening && !profile.doctorCheckedStrengthening() ? 1 : 0;
        if (notices != expected) {
            v.add(notices + " doctor-check notices, expected " + expected + " (strengthening " + strengthening
                    + ", checked " + profile.doctorCheckedStrengthening() + ")");
        }
        return v;
    }

    /** Light movement that raises the heart rate: a warm-up entry without a hold that works the heart or shoulders. */
    public static boolean isWarmingMovement(CatalogExercise c, PhaseEntry entry) {
        boolean breathingOnly = c.targets().size() == 1 && c.targets().contains(Target.MIND_BREATHING);
        return entry.phase() == Phase.WARM_UP && entry.dose().holdSeconds() == null && !breathingOnly
                && (c.targets().contains(Target.CARDIOVASCULAR) || c.targets().contains(Target.SHOULDERS));
    }

    /** A stretch held still: anything in the stretching phase, or a held, untimed warm-up or cool-down entry. */
    public static boolean isStaticStretch(PhaseEntry entry) {
        return entry.phase() == Phase.STRETCHING || (entry.phase() != Phase.STRENGTHENING
                && entry.dose().holdSeconds() != null && entry.dose().minutes() == null);
    }

    /** Whether a warming movement qualifies for this profile today. */
    public static boolean anyWarmingMovementAllowed(ProfileSpec profile, CatalogSnapshot catalog) {
        boolean gentle = profile.currentPain() >= SafetyGate.GENTLE_ONLY_PAIN;
        for (CatalogExercise c : catalog.exercises()) {
            for (PhaseEntry entry : c.phases()) {
                if (isWarmingMovement(c, entry)
                        && eligibilityViolations(profile, c, positionOf(c, entry), c.id()).isEmpty()
                        && (!gentle || isGentle(c, Phase.WARM_UP))) {
                    return true;
                }
            }
        }
        return false;
    }

    static Position positionOf(CatalogExercise c, PhaseEntry entry) {
        return entry.position() != null ? entry.position() : c.position();
    }

    static List<String> doseViolations(RoutineExercise e, Dose dose, Phase phase) {
        List<String> v = new ArrayList<>();
        var p = e.prescription();
        boolean timed = dose.minutes() != null && dose.reps() == null;
        if (timed != (p.minutes() != null)) {
            v.add(e.exerciseId() + " in " + phase + " does not use that phase's (timed or not) dose");
        }
        if (!timed && (p.sets() == null || p.sets() < 1)) {
            v.add(e.exerciseId() + " has no sets");
        }
        if (!timed && dose.perSide() != p.perSide()) {
            v.add(e.exerciseId() + " per-side differs from the " + phase + " dose");
        }
        if (!timed && dose.holdSeconds() != null && p.holdSeconds() == null) {
            v.add(e.exerciseId() + " lost the hold of its " + phase + " dose");
        }
        if (phase == Phase.STRENGTHENING) {
            // never above the guide's range (or the labelled default's): one set where the dose gives no sets
            int maxSets = dose.sets() == null ? 1 : dose.sets().max();
            if (p.sets() != null && p.sets() > maxSets) {
                v.add(e.exerciseId() + " has " + p.sets() + " sets, above the dose's " + maxSets);
            }
            if (p.reps() != null && dose.reps() != null && p.reps() > dose.reps().max()) {
                v.add(e.exerciseId() + " has " + p.reps() + " reps, above the dose's " + dose.reps().max());
            }
            if (p.holdSeconds() != null && dose.holdSeconds() != null && p.holdSeconds() > dose.holdSeconds().max()) {
                v.add(e.exerciseId() + " holds " + p.holdSeconds() + " s, above the dose's " + dose.holdSeconds().max());
            }
        }
        if (p.doseSource() != dose.source()) {
            v.add(e.exerciseId() + " dose source " + p.doseSource() + " differs from the catalog's " + dose.source());
        }
        return v;
    }

    /** Equipment, positions, level, pain: straight from the catalog fields. */
    public static List<String> eligibilityViolations(ProfileSpec profile, CatalogExercise c, String id) {
        return eligibilityViolations(profile, c, c.position(), id);
    }

    /** As above, for the version of {@code c} done in {@code position} (a phase's own position). */
    public static List<String> eligibilityViolations(ProfileSpec profile, CatalogExercise c, Position position,
            String id) {
        List<String> v = new ArrayList<>();
        for (Equipment needed : c.equipment()) {
            if (!profile.equipment().contains(needed)) {
                v.add(id + " needs " + needed);
            }
        }
        for (AvoidPosition avoid : profile.avoidPositions()) {
            boolean excluded = switch (avoid) {
                case FLOOR -> c.floor();
                case KNEELING -> position == Position.KNEELING || position == Position.ALL_FOURS;
                default -> position.name().equals(avoid.name());
            };
            if (excluded) {
                v.add(id + " breaks avoid " + avoid);
            }
        }
        if (c.minLevel().ordinal() > profile.level().ordinal()) {
            v.add(id + " is above level " + profile.level());
        }
        if (profile.level() == Level.BEGINNER && (c.minLevel() == Level.ADVANCED || c.difficulty() > 3)) {
            v.add(id + " is too hard for a beginner");
        }
        int cap = switch (profile.level()) {
            case BEGINNER -> 3;
            case INTERMEDIATE -> 4;
            case ADVANCED -> 5;
        };
        if (c.difficulty() > cap) {
            v.add(id + " difficulty " + c.difficulty() + " above " + cap);
        }
        if (profile.currentPain() >= SafetyGate.NO_MODERATE_IMPACT_PAIN && c.impact() == Impact.MODERATE) {
            v.add(id + " is moderate impact at pain " + profile.currentPain());
        }
        return v;
    }

    /** Gentle: no impact, easiest difficulty, not cardio, only warm-up/stretching/cool-down. */
    public static boolean isGentle(CatalogExercise c, Phase phase) {
        return c.impact() == Impact.NONE && c.difficulty() <= 1 && !c.targets().contains(Target.CARDIOVASCULAR)
                && (phase == Phase.WARM_UP || phase == Phase.STRETCHING || phase == Phase.COOL_DOWN);
    }

    /** Whether any exercise qualifies for {@code phase} for this profile today (independent of the composer). */
    public static boolean anyAllowed(ProfileSpec profile, CatalogSnapshot catalog, Phase phase) {
        boolean gentle = profile.currentPain() >= SafetyGate.GENTLE_ONLY_PAIN;
        for (CatalogExercise c : catalog.exercises()) {
            for (PhaseEntry entry : c.phases()) {
                if (entry.phase() == phase && eligibilityViolations(profile, c, positionOf(c, entry), c.id()).isEmpty()
                        && (!gentle || isGentle(c, phase))) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean coreAllowed(ProfileSpec profile, CatalogSnapshot catalog) {
        for (CatalogExercise c : catalog.exercises()) {
            boolean strengthening = c.phases().stream().anyMatch(p -> p.phase() == Phase.STRENGTHENING);
            if (strengthening && c.targets().contains(Target.CORE)
                    && eligibilityViolations(profile, c, c.id()).isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
