package org.backrelief.catalog.readmodel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;

import org.backrelief.catalog.exercise.EntityTags;
import org.backrelief.catalog.exercise.Exercise;
import org.backrelief.catalog.exercise.ExerciseCriteria;
import org.backrelief.catalog.exercise.ExerciseEntity;
import org.backrelief.catalog.exercise.PhaseDose;
import org.backrelief.catalog.exercise.SortKey;
import org.backrelief.common.domain.Equipment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An immutable, fully precomputed copy of the whole catalog: every exercise (deleted ones too, for GET by id) with its
 * JSON already serialized, its ETag and SHA-256, filter bitmasks and sort ranks. Searching it means walking a few
 * dozen items and copying bytes; nothing is serialized or hashed per request.
 * <p>
 * The semantics are those of the MongoDB query in {@code ExerciseFilters} (checked against it by
 * {@code ReadModelMatchesMongoTest}): deleted exercises never listed, all filters AND-ed, "I have only these" for
 * equipment, case-insensitive literal text in name/aliases/summary, sort keys then id, strings in binary (code point)
 * order like MongoDB without a collation.
 */
public final class CatalogSnapshot {

    private static final byte[] PAGE_START = "{\"items\":[".getBytes(StandardCharsets.UTF_8);
    private static final int HASH_CHARS = 27;

    private final Map<String, Item> byId;
    /** Live (not deleted) exercises in the default order: name, then id. */
    private final Item[] liveByName;
    private final Map<String, Long> versions;
    private final Instant loadedAt;

    /** One exercise and everything a read needs, computed once. */
    public static final class Item {
        final Exercise exercise;
        final byte[] json;
        final byte[] sha256;
        final String etag;
        final boolean deleted;
        final int phases;
        final int targets;
        final int equipment;
        final int position;
        final int impact;
        final int difficulty;
        final int minLevel;
        final String lowerName;
        final String lowerSummary;
        final String[] lowerAliases;
        final String sortName;
        final Instant updatedAt;
        int nameRank;
        int idRank;
        int updatedAtRank;

        Item(ExerciseEntity entity, ObjectMapper mapper) {
            this.exercise = entity.toExercise();
            try {
                this.json = mapper.writeValueAsBytes(exercise);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("An exercise is always serializable: " + entity.id, e);
            }
            this.sha256 = sha256(json);
            this.etag = EntityTags.ofExercise(entity.id, entity.version);
            this.deleted = entity.deleted;
            this.phases = mask(exercise.phases().stream().map(PhaseDose::phase).toList());
            this.targets = mask(exercise.targets());
            this.equipment = mask(exercise.equipment());
            this.position = exercise.position().ordinal();
            this.impact = exercise.impact().ordinal();
            this.difficulty = exercise.difficulty();
            this.minLevel = exercise.minLevel().ordinal();
            this.lowerName = lower(exercise.name());
            this.lowerSummary = lower(exercise.summary());
            this.lowerAliases = exercise.aliases().stream().map(CatalogSnapshot::lower).toArray(String[]::new);
            this.sortName = entity.sortName != null ? entity.sortName : lower(exercise.name());
            this.updatedAt = entity.updatedAt;
        }

        public Exercise exercise() {
            return exercise;
        }

        public byte[] json() {
            return json;
        }

        public String etag() {
            return etag;
        }
    }

    /** A rendered page: the exact JSON {@code {items, page, size, total}} and its weak ETag. */
    public record Page(byte[] json, String etag, List<Exercise> items, long total) {
    }

    private CatalogSnapshot(Map<String, Item> byId, Item[] liveByName, Map<String, Long> versions, Instant loadedAt) {
        this.byId = byId;
        this.liveByName = liveByName;
        this.versions = versions;
        this.loadedAt = loadedAt;
    }

    /** Builds a snapshot of {@code entities} (the whole collection, deleted exercises included). */
    public static CatalogSnapshot of(Collection<ExerciseEntity> entities, ObjectMapper mapper, Instant loadedAt) {
        Map<String, Item> byId = new HashMap<>();
        Map<String, Long> versions = new HashMap<>();
        for (ExerciseEntity entity : entities) {
            byId.put(entity.id, new Item(entity, mapper));
            versions.put(entity.id, entity.version);
        }
        List<Item> all = new ArrayList<>(byId.values());
        rank(all, Comparator.comparing((Item item) -> item.sortName, CatalogSnapshot::compareCodePoints),
                (item, rank) -> item.nameRank = rank);
        rank(all, Comparator.comparing((Item item) -> item.exercise.id(), CatalogSnapshot::compareCodePoints),
                (item, rank) -> item.idRank = rank);
        rank(all, Comparator.comparing((Item item) -> item.updatedAt,
                Comparator.nullsFirst(Comparator.naturalOrder())), (item, rank) -> item.updatedAtRank = rank);
        Item[] live = all.stream().filter(item -> !item.deleted)
                .sorted(Comparator.comparingInt((Item item) -> item.nameRank).thenComparingInt(item -> item.idRank))
                .toArray(Item[]::new);
        return new CatalogSnapshot(Map.copyOf(byId), live, Map.copyOf(versions), loadedAt);
    }

    /** One exercise by id, deleted or not; null when unknown. */
    public Item get(String id) {
        return id == null ? null : byId.get(id);
    }

    /** Exercise id to version, for the cheap "did anything change?" check against the database. */
    public Map<String, Long> versions() {
        return versions;
    }

    public int size() {
        return byId.size();
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    /** The page {@code criteria} selects, rendered. */
    public Page search(ExerciseCriteria criteria) {
        Filter filter = new Filter(criteria);
        List<Item> matching = new ArrayList<>();
        for (Item item : liveByName) {
            if (filter.test(item)) {
                matching.add(item);
            }
        }
        if (!isDefaultOrder(criteria.sort())) {
            matching.sort(comparator(criteria.sort()));
        }
        long from = (long) criteria.page() * criteria.size();
        List<Item> pageItems = from >= matching.size() ? List.of()
                : matching.subList((int) from, (int) Math.min(matching.size(), from + criteria.size()));
        return render(pageItems, criteria.page(), criteria.size(), matching.size());
    }

    private static Page render(List<Item> items, int page, int size, long total) {
        byte[] end = ("],\"page\":" + page + ",\"size\":" + size + ",\"total\":" + total + "}")
                .getBytes(StandardCharsets.UTF_8);
        int length = PAGE_START.length + end.length + Math.max(0, items.size() - 1);
        for (Item item : items) {
            length += item.json.length;
        }
        byte[] json = new byte[length];
        System.arraycopy(PAGE_START, 0, json, 0, PAGE_START.length);
        int at = PAGE_START.length;
        MessageDigest digest = sha256();
        List<Exercise> exercises = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (i > 0) {
                json[at++] = ',';
            }
            System.arraycopy(item.json, 0, json, at, item.json.length);
            at += item.json.length;
            digest.update(item.sha256);
            exercises.add(item.exercise);
        }
        System.arraycopy(end, 0, json, at, end.length);
        // The weak tag hashes exactly what is sent (each item through its own SHA-256, then the page fields), so it
        // is the same on every replica and changes with any byte of the page, without hashing the whole body again.
        digest.update(end);
        String hash = Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest()).substring(0, HASH_CHARS);
        return new Page(json, "W/\"" + hash + "\"", exercises, total);
    }

    private static boolean isDefaultOrder(List<SortKey.Order> sort) {
        return sort.size() == 1 && sort.get(0).key() == SortKey.NAME && !sort.get(0).descending();
    }

    private static Comparator<Item> comparator(List<SortKey.Order> sort) {
        Comparator<Item> comparator = null;
        boolean hasId = false;
        for (SortKey.Order order : sort) {
            ToIntFunction<Item> key = switch (order.key()) {
                case NAME -> item -> item.nameRank;
                case DIFFICULTY -> item -> item.difficulty;
                case ID -> item -> item.idRank;
                case UPDATED_AT -> item -> item.updatedAtRank;
            };
            Comparator<Item> next = Comparator.comparingInt(key);
            next = order.descending() ? next.reversed() : next;
            comparator = comparator == null ? next : comparator.thenComparing(next);
            hasId |= order.key() == SortKey.ID;
        }
        Comparator<Item> byId = Comparator.comparingInt(item -> item.idRank);
        return comparator == null ? byId : hasId ? comparator : comparator.thenComparing(byId);
    }

    /** The criteria as bitmasks and lower-cased text, tested against each item. */
    private static final class Filter {
        private final int phase;
        private final int target;
        private final int missingEquipment;
        private final int position;
        private final int excludedPositions;
        private final int impact;
        private final int maxDifficulty;
        private final int maxLevel;
        private final String text;

        Filter(ExerciseCriteria criteria) {
            phase = criteria.phase() == null ? 0 : 1 << criteria.phase().ordinal();
            target = criteria.target() == null ? 0 : 1 << criteria.target().ordinal();
            if (criteria.equipment() == null) {
                missingEquipment = 0;
            } else {
                // "I have only these": no required item may lie outside what the user has (NONE is always had)
                int have = mask(criteria.equipment()) | 1 << Equipment.NONE.ordinal();
                missingEquipment = ~have;
            }
            position = criteria.position() == null ? -1 : criteria.position().ordinal();
            excludedPositions = criteria.excludePositions() == null ? 0 : mask(criteria.excludePositions());
            impact = criteria.impact() == null ? -1 : criteria.impact().ordinal();
            maxDifficulty = criteria.maxDifficulty() == null ? Integer.MAX_VALUE : criteria.maxDifficulty();
            maxLevel = criteria.level() == null ? Integer.MAX_VALUE : criteria.level().ordinal();
            text = criteria.q() == null ? null : lower(criteria.q());
        }

        boolean test(Item item) {
            return (phase == 0 || (item.phases & phase) != 0)
                    && (target == 0 || (item.targets & target) != 0)
                    && (item.equipment & missingEquipment) == 0
                    && (position < 0 || item.position == position)
                    && (excludedPositions & 1 << item.position) == 0
                    && (impact < 0 || item.impact == impact)
                    && item.difficulty <= maxDifficulty
                    && item.minLevel <= maxLevel
                    && (text == null || containsText(item));
        }

        private boolean containsText(Item item) {
            if (item.lowerName.contains(text) || item.lowerSummary.contains(text)) {
                return true;
            }
            for (String alias : item.lowerAliases) {
                if (alias.contains(text)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Dense ranks (equal values share a rank), so multi-key sorts compare ints. */
    private static void rank(List<Item> items, Comparator<Item> order, RankSetter setter) {
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort(order);
        int rank = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0 && order.compare(sorted.get(i - 1), sorted.get(i)) != 0) {
                rank++;
            }
            setter.set(sorted.get(i), rank);
        }
    }

    private interface RankSetter {
        void set(Item item, int rank);
    }

    /** MongoDB compares strings as UTF-8 bytes, i.e. by code point (String.compareTo differs above U+FFFF). */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int mask(Collection<? extends Enum<?>> values) {
        int mask = 0;
        for (Enum<?> value : values) {
            mask |= 1 << value.ordinal();
        }
        return mask;
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }

    private static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** For diagnostics: the ids in default list order. */
    List<String> liveIds() {
        return Arrays.stream(liveByName).map(item -> item.exercise.id()).toList();
    }
}
