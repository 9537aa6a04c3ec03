package org.backrelief.planner.profile;

import java.util.Locale;

import org.backrelief.common.domain.Equipment;
import org.backrelief.common.domain.Position;
import org.backrelief.planner.catalog.CatalogExercise;

/**
 * Activities a person enjoys. A preference never makes an exercise eligible; among eligible cardio activities the
 * preferred ones come first. Matching is by the catalog's own data (name, aliases, equipment), not by ids.
 */
public enum Preference {
    YOGA,
    TAI_CHI,
    POOL,
    CYCLING,
    WALKING;

    public boolean matches(CatalogExercise exercise) {
        return switch (this) {
            case YOGA -> mentions(exercise, "yoga");
            case TAI_CHI -> mentions(exercise, "tai chi") || mentions(exercise, "tai-chi");
            case POOL -> exercise.position() == Position.IN_WATER || uses(exercise, Equipment.POOL);
            case CYCLING -> uses(exercise, Equipment.STATIONARY_BIKE) || uses(exercise, Equipment.BICYCLE);
            case WALKING -> mentions(exercise, "walk");
        };
    }

    private static boolean uses(CatalogExercise exercise, Equipment equipment) {
        return exercise.equipment() != null && exercise.equipment().contains(equipment);
    }

    private static boolean mentions(CatalogExercise exercise, String word) {
        if (contains(exercise.id(), word) || contains(exercise.name(), word)) {
            return true;
        }
        if (exercise.aliases() != null) {
            for (String alias : exercise.aliases()) {
                if (contains(alias, word)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean contains(String text, String word) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(word);
    }
}
