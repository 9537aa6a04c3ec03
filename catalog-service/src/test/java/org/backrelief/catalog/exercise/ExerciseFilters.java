package org.backrelief.catalog.exercise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.backrelief.common.domain.Equipment;
import org.backrelief.common.domain.Level;
import org.bson.conversions.Bson;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

/**
 * Turns {@link ExerciseCriteria} into MongoDB filters and sorts, using only standard operators: the query the list
 * used before the read model, kept as the reference {@code ReadModelMatchesMongoTest} checks the read model against.
 */
public final class ExerciseFilters {

    private ExerciseFilters() {
    }

    /** All criteria combined with AND; soft-deleted exercises never match. */
    public static Bson filter(ExerciseCriteria criteria) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("deleted", false));
        if (criteria.phase() != null) {
            filters.add(Filters.eq("phases.phase", criteria.phase().name()));
        }
        if (criteria.target() != null) {
            filters.add(Filters.eq("targets", criteria.target().name()));
        }
        if (criteria.equipment() != null) {
            // "I have only these": qualify when no required item lies outside the set, i.e. none is in the complement
            Set<Equipment> missing = EnumSet.complementOf(EnumSet.copyOf(withNone(criteria.equipment())));
            filters.add(Filters.nin("equipment", names(missing)));
        }
        if (criteria.position() != null) {
            filters.add(Filters.eq("position", criteria.position().name()));
        }
        if (criteria.excludePositions() != null && !criteria.excludePositions().isEmpty()) {
            filters.add(Filters.nin("position", names(criteria.excludePositions())));
        }
        if (criteria.impact() != null) {
            filters.add(Filters.eq("impact", criteria.impact().name()));
        }
        if (criteria.maxDifficulty() != null) {
            filters.add(Filters.lte("difficulty", criteria.maxDifficulty()));
        }
        if (criteria.level() != null) {
            List<String> suitable = Arrays.stream(Level.values())
                    .filter(level -> level.ordinal() <= criteria.level().ordinal()).map(Enum::name).toList();
            filters.add(Filters.in("minLevel", suitable));
        }
        if (criteria.q() != null) {
            // the text is quoted: "$where" or ".*" are searched for literally
            Pattern text = Pattern.compile(Pattern.quote(criteria.q()), Pattern.CASE_INSENSITIVE);
            filters.add(Filters.or(Filters.regex("name", text), Filters.regex("aliases", text),
                    Filters.regex("summary", text)));
        }
        return Filters.and(filters);
    }

    /** The requested order, then id so pages are stable. */
    public static Bson sort(ExerciseCriteria criteria) {
        List<Bson> sorts = new ArrayList<>();
        boolean hasId = false;
        for (SortKey.Order order : criteria.sort()) {
            sorts.add(order.descending() ? Sorts.descending(order.key().field()) : Sorts.ascending(order.key().field()));
            hasId |= order.key() == SortKey.ID;
        }
        if (!hasId) {
            sorts.add(Sorts.ascending("_id"));
        }
        return Sorts.orderBy(sorts);
    }

    private static Set<Equipment> withNone(Set<Equipment> have) {
        Set<Equipment> set = EnumSet.of(Equipment.NONE);
        set.addAll(have);
        return set;
    }

    private static List<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }
}
