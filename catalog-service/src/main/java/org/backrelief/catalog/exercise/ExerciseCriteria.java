package org.backrelief.catalog.exercise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.backrelief.common.domain.Equipment;
import org.backrelief.common.domain.Impact;
import org.backrelief.common.domain.Level;
import org.backrelief.common.domain.Phase;
import org.backrelief.common.domain.Position;
import org.backrelief.common.domain.Target;
import org.backrelief.common.problem.ProblemException;

/**
 * A parsed, typed exercise search. Every value is an enum, a number or plain text, so nothing a client sends can
 * become a query operator. Null means "no filter".
 *
 * @param equipment the equipment the user has ("I have only these"); empty = nothing; null = no filter
 */
public record ExerciseCriteria(
        Phase phase,
        Target target,
        Set<Equipment> equipment,
        Position position,
        Set<Position> excludePositions,
        Impact impact,
        Integer maxDifficulty,
        Level level,
        String q,
        int page,
        int size,
        List<SortKey.Order> sort) {

    public static final int MAX_QUERY_LENGTH = 100;
    public static final int MIN_DIFFICULTY = 1;
    public static final int MAX_DIFFICULTY = 5;
    private static final int MAX_SORT_KEYS = 4;

    /**
     * Parses query parameters; {@code fixedPhase} (from a path) wins over the {@code phase} parameter.
     *
     * @throws ProblemException 400 naming the first bad parameter
     */
    public static ExerciseCriteria parse(ExerciseQueryParams params, Phase fixedPhase, int defaultSize, int maxSize) {
        Phase phase = fixedPhase != null ? fixedPhase : parseEnum(Phase.class, "phase", params.phase);
        Set<Equipment> equipment = null;
        if (params.equipment != null && !params.equipment.isEmpty()) {
            equipment = EnumSet.noneOf(Equipment.class);
            for (String value : params.equipment) {
                equipment.add(parseEnum(Equipment.class, "equipment", value));
            }
            equipment.remove(Equipment.NONE); // "I have nothing" adds nothing to the set
        }
        Set<Position> excluded = EnumSet.noneOf(Position.class);
        if (params.excludePosition != null) {
            for (String value : params.excludePosition) {
                excluded.add(parseEnum(Position.class, "excludePosition", value));
            }
        }
        Integer maxDifficulty = parseInt("maxDifficulty", params.maxDifficulty, null, MIN_DIFFICULTY, MAX_DIFFICULTY);
        String q = params.q == null || params.q.isBlank() ? null : params.q.strip();
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            throw ProblemException.badRequest("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        int page = parseInt("page", params.page, 0, 0, Integer.MAX_VALUE / maxSize);
        int size = parseInt("size", params.size, defaultSize, 1, maxSize);
        return new ExerciseCriteria(phase,
                parseEnum(Target.class, "target", params.target),
                equipment,
                parseEnum(Position.class, "position", params.position),
                excluded,
                parseEnum(Impact.class, "impact", params.impact),
                maxDifficulty,
                parseEnum(Level.class, "level", params.level),
                q, page, size, parseSort(params.sort));
    }

    /** Enum values are matched case-insensitively; anything else is a 400 listing the allowed values. */
    static <E extends Enum<E>> E parseEnum(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String name = value.strip().toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw ProblemException.badRequest(field, "unknown value '" + shorten(value) + "'; allowed: "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    private static Integer parseInt(String field, String value, Integer fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int number;
        try {
            number = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(field, "must be a whole number");
        }
        if (number < min || number > max) {
            throw ProblemException.badRequest(field, "must be between " + min + " and " + max);
        }
        return number;
    }

    private static List<SortKey.Order> parseSort(String value) {
        List<SortKey.Order> orders = new ArrayList<>();
        if (value == null || value.isBlank()) {
            orders.add(new SortKey.Order(SortKey.NAME, false));
            return orders;
        }
        for (String part : value.split(",")) {
            String name = part.strip();
            boolean descending = name.startsWith("-");
            SortKey key = SortKey.fromApiName(descending ? name.substring(1) : name);
            if (key == null) {
                throw ProblemException.badRequest("sort", "unknown sort key '" + shorten(name) + "'; allowed: "
                        + SortKey.allowed() + " (prefix - for descending)");
            }
            if (orders.stream().anyMatch(order -> order.key() == key)) {
                throw ProblemException.badRequest("sort", "sort key '" + key.apiName() + "' is repeated");
            }
            orders.add(new SortKey.Order(key, descending));
        }
        if (orders.size() > MAX_SORT_KEYS) {
            throw ProblemException.badRequest("sort", "at most " + MAX_SORT_KEYS + " sort keys");
        }
        return orders;
    }

    /** Echoed values are cut short so a huge parameter doesn't become a huge error. */
    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
