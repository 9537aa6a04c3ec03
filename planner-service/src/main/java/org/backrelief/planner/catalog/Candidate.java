package org.backrelief.planner.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.backrelief.common.domain.Equipment;
import org.backrelief.common.domain.Impact;
import org.backrelief.common.domain.Phase;
import org.backrelief.common.domain.Position;
import org.backrelief.common.domain.Target;
import org.backrelief.planner.catalog.CatalogExercise.Dose;
import org.backrelief.planner.profile.AvoidPosition;
import org.backrelief.planner.profile.Preference;
import org.backrelief.planner.safety.SafetyGate;

/**
 * An exercise as it can appear in one phase, with everything the composer checks precomputed as bit masks, so
 * composing a routine reads these and allocates next to nothing.
 */
public final class Candidate {

    private final CatalogExercise exercise;
    private final Phase phase;
    private final Dose dose;
    private final Position position;
    private final int equipmentMask;
    private final int targetMask;
    private final int preferenceMask;
    private final int avoidMask;
    private final boolean gentle;
    private final String targetsText;
    private final List<String> cautions;

    Candidate(CatalogExercise exercise, Phase phase, Dose dose, Position phasePosition) {
        this.exercise = exercise;
        this.phase = phase;
        this.dose = dose;
        // the guide's version in this phase may be done in another position (cat/cow lying on the back)
        this.position = phasePosition != null ? phasePosition : exercise.position();
        this.equipmentMask = maskOf(exercise.equipment());
        this.targetMask = maskOf(exercise.targets());
        int preferences = 0;
        for (Preference preference : Preference.values()) {
            if (preference.matches(exercise)) {
                preferences |= 1 << preference.ordinal();
            }
        }
        this.preferenceMask = preferences;
        int avoid = 0;
        for (AvoidPosition position : AvoidPosition.values()) {
            if (position.excludes(this.position, exercise.floor())) {
                avoid |= 1 << position.ordinal();
            }
        }
        this.avoidMask = avoid;
        this.gentle = SafetyGate.isGentle(exercise, phase);
        this.targetsText = targetsText(exercise.targets());
        this.cautions = exercise.cautions() == null ? List.of() : List.copyOf(exercise.cautions());
    }

    public CatalogExercise exercise() {
        return exercise;
    }

    public String id() {
        return exercise.id();
    }

    public Phase phase() {
        return phase;
    }

    public Dose dose() {
        return dose;
    }

    /** The position of this phase's version: the phase entry's when it differs, else the exercise's. */
    public Position position() {
        return position;
    }

    /** Bits of {@link Equipment#ordinal()} the exercise needs; all of them must be at hand. */
    public int equipmentMask() {
        return equipmentMask;
    }

    /** Bits of {@link AvoidPosition#ordinal()} that rule this exercise out. */
    public int avoidMask() {
        return avoidMask;
    }

    public boolean targets(Target target) {
        return (targetMask & (1 << target.ordinal())) != 0;
    }

    public boolean targetsOnly(Target target) {
        return targetMask == 1 << target.ordinal();
    }

    public boolean matchesAny(int preferenceBits) {
        return (preferenceMask & preferenceBits) != 0;
    }

    /** Gentle mobility, breathing or relaxation: what a person with pain of {@value org.backrelief.planner.safety.SafetyGate#GENTLE_ONLY_PAIN}/10 or more may do today. */
    public boolean gentle() {
        return gentle;
    }

    public boolean minutesBased() {
        return dose.minutes() != null && dose.reps() == null;
    }

    public boolean uses(Equipment equipment) {
        return (equipmentMask & (1 << equipment.ordinal())) != 0;
    }

    public Impact impact() {
        return exercise.impact();
    }

    public int difficulty() {
        return exercise.difficulty();
    }

    public String targetsText() {
        return targetsText;
    }

    public List<String> cautions() {
        return cautions;
    }

    /** One bit per enum constant present (null and null elements count as none). */
    public static <E extends Enum<E>> int maskOf(Collection<E> values) {
        int mask = 0;
        if (values != null) {
            for (E value : values) {
                if (value != null) {
                    mask |= 1 << value.ordinal();
                }
            }
        }
        return mask;
    }

    private static String targetsText(List<Target> targets) {
        if (targets == null || targets.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (Target target : targets) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(target.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return exercise.id() + "@" + phase;
    }
}
