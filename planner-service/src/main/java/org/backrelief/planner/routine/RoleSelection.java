package org.backrelief.planner.routine;

import java.util.Arrays;
import java.util.List;

import org.backrelief.common.domain.Phase;
import org.backrelief.planner.catalog.Candidate;
import org.backrelief.planner.routine.Routine.Mode;

/**
 * Which exercises a phase starts with: one per role of the phase's structure (the guide's: e.g. the warm-up opens
 * with light movement that raises the heart rate, strengthening with a core exercise), searched in rotation order,
 * unused ones first, as long as they fit the phase's budget. The time fitter then adjusts from there.
 */
final class RoleSelection {

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

    private final Draft draft;

    RoleSelection(Draft draft) {
        this.draft = draft;
    }

    /** Whether phase {@code p} has no place in a routine of this mode (a gentle day has no strengthening or cardio). */
    static boolean skipped(Mode mode, int p) {
        return mode == Mode.GENTLE && GENTLE_ROLES[p].length == 0;
    }

    /** The guide's 10 minutes of light cardio in the warm-up are there so nobody stretches cold. */
    static Choice[] warmUpChoices(Choice[] warmUp, boolean stretchingAvailable) {
        if (stretchingAvailable) {
            return warmUp;
        }
        List<Choice> withoutLightCardio = Arrays.stream(warmUp)
                .filter(choice -> !Role.LIGHT_CARDIO.matches(choice.candidate(), 0)).toList();
        if (withoutLightCardio.isEmpty() || withoutLightCardio.size() == warmUp.length
                || !hasWarmMovement(withoutLightCardio.toArray(Choice[]::new))) {
            return warmUp; // nothing to drop, or light cardio is the only way to warm up: keep it
        }
        return withoutLightCardio.toArray(Choice[]::new);
    }

    static boolean hasWarmMovement(Choice[] warmUp) {
        for (Choice choice : warmUp) {
            if (Role.WARM_MOVEMENT.matches(choice.candidate(), 0)) {
                return true;
            }
        }
        return false;
    }

    /** Fills phase {@code p} with one exercise per role of its structure, within {@code budget} seconds. */
    void select(int p, int budget) {
        Role[] roles = (draft.mode == Mode.GENTLE ? GENTLE_ROLES : STANDARD_ROLES)[p];
        List<DosedExercise> phaseItems = draft.items[p];
        Role firstRole = p == Phase.STRENGTHENING.ordinal() && draft.mode == Mode.STANDARD ? Role.CORE : null;
        int first = firstRole == null ? -1 : smallestFit(p, firstRole, budget);
        if (first >= 0) {
            draft.add(p, draft.newItem(p, first, firstRole, true, budget));
        }
        for (Role role : roles) {
            if (role == firstRole) {
                continue;
            }
            if (draft.full(p)) {
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
            DosedExercise item = draft.newItem(p, index, role, phaseItems.isEmpty(), budget - draft.seconds(p));
            // the warm-up always opens with a warming movement, even when it is short
            boolean opensWarmUp = role == Role.WARM_MOVEMENT && phaseItems.isEmpty();
            if (opensWarmUp || draft.seconds(p) + draft.choices[p][index].minimalSeconds() <= budget) {
                draft.add(p, item);
            }
        }
        if (phaseItems.isEmpty()) {
            // nothing fitted a role: the quickest candidate, unused if possible (one used elsewhere is fine:
            // the catalog lists it for this phase too, so the guide uses it in both)
            int index = smallestFit(p, Role.EXTRA, budget);
            draft.add(p, draft.newItem(p, index, classify(p, draft.choices[p][index].candidate()), true, budget));
        }
    }

    /** The role that explains {@code c} in phase {@code p} when it was added to fill time. */
    Role classify(int p, Candidate c) {
        for (Role role : CLASSIFY[p]) {
            if (role.matches(c, draft.preferenceBits)) {
                return role;
            }
        }
        return Role.EXTRA;
    }

    /** The first candidate for {@code role} (in rotation order) that fits {@code budget}, else the quickest. */
    private int smallestFit(int p, Role role, int budget) {
        int quickest = -1;
        int quickestSeconds = Integer.MAX_VALUE;
        Choice[] candidates = draft.choices[p];
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < candidates.length; i++) {
                boolean fresh = !draft.used.contains(candidates[i].candidate().id());
                if ((pass == 0) != fresh || !role.matches(candidates[i].candidate(), draft.preferenceBits)) {
                    continue;
                }
                int seconds = candidates[i].minimalSeconds();
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

    private int find(int p, Role role) {
        Choice[] candidates = draft.choices[p];
        for (int i = 0; i < candidates.length; i++) {
            if (!draft.used.contains(candidates[i].candidate().id())
                    && role.matches(candidates[i].candidate(), draft.preferenceBits)) {
                return i;
            }
        }
        return -1;
    }

    private int findAny(int p, Role role) {
        Choice[] candidates = draft.choices[p];
        for (int i = 0; i < candidates.length; i++) {
            if (role.matches(candidates[i].candidate(), draft.preferenceBits)
                    && !draft.inPhase(p, candidates[i].candidate())) {
                return i;
            }
        }
        return -1;
    }
}
