package org.backrelief.infra.mongo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * Where an {@link EqualityIndex} keeps its entries, (key, document {@code _id}) → position. Callers synchronize.
 */
interface IndexEntries<P> {

    /** Returns the position this entry replaced, or null when it is new. */
    P put(Object key, Object id, P position);

    P remove(Object key, Object id);

    P get(Object key, Object id);

    /** Adds the positions of every entry under {@code key} to {@code into}. */
    void collect(Object key, Collection<? super P> into);

    /** The number of entries under {@code key}. */
    long count(Object key);

    long size();

    /** Forgets every entry; the index is gone. */
    void drop();

    /** Entries in memory, each key's in insertion order: the in-memory server's index, rebuilt at every start. */
    static <P> IndexEntries<P> inMemory() {
        return new InMemory<>();
    }

    /**
     * Entries in an H2 map of the on-disk store, so they are committed (and fsynced) with the documents they index and
     * found ready when the store reopens. Each entry's map key is a string: the encoded index key, then the encoded
     * {@code _id}; a key's entries are one range of the map.
     */
    static <P> IndexEntries<P> persisted(MVMap<String, Object> map) {
        return new Persisted<>(map);
    }

    final class InMemory<P> implements IndexEntries<P> {

        private final Map<Object, LinkedHashMap<Object, P>> buckets = new HashMap<>();
        private long size;

        @Override
        public P put(Object key, Object id, P position) {
            P previous = buckets.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(id, position);
            if (previous == null) {
                size++;
            }
            return previous;
        }

        @Override
        public P remove(Object key, Object id) {
            LinkedHashMap<Object, P> bucket = buckets.get(key);
            if (bucket == null) {
                return null;
            }
            P position = bucket.remove(id);
            if (position != null) {
                size--;
                if (bucket.isEmpty()) {
                    buckets.remove(key);
                }
            }
            return position;
        }

        @Override
        public P get(Object key, Object id) {
            LinkedHashMap<Object, P> bucket = buckets.get(key);
            return bucket == null ? null : bucket.get(id);
        }

        @Override
        public void collect(Object key, Collection<? super P> into) {
            LinkedHashMap<Object, P> bucket = buckets.get(key);
            if (bucket != null) {
                into.addAll(bucket.values());
            }
        }

        @Override
        public long count(Object key) {
            LinkedHashMap<Object, P> bucket = buckets.get(key);
            return bucket == null ? 0 : bucket.size();
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public void drop() {
            buckets.clear();
            size = 0;
        }
    }

    final class Persisted<P> implements IndexEntries<P> {

        private final MVMap<String, Object> map;

        Persisted(MVMap<String, Object> map) {
            this.map = map;
        }

        @Override
        @SuppressWarnings("unchecked")
        public P put(Object key, Object id, P position) {
            return (P) map.put(entry(key, id), position);
        }

        @Override
        @SuppressWarnings("unchecked")
        public P remove(Object key, Object id) {
            return (P) map.remove(entry(key, id));
        }

        @Override
        @SuppressWarnings("unchecked")
        public P get(Object key, Object id) {
            return (P) map.get(entry(key, id));
        }

        @Override
        @SuppressWarnings("unchecked")
        public void collect(Object key, Collection<? super P> into) {
            String prefix = encodeKey(key);
            Cursor<String, Object> cursor = map.cursor(prefix);
            while (cursor.hasNext() && cursor.next().startsWith(prefix)) {
                into.add((P) cursor.getValue());
            }
        }

        @Override
        public long count(Object key) {
            String prefix = encodeKey(key);
            long count = 0;
            Cursor<String, Object> cursor = map.cursor(prefix);
            while (cursor.hasNext() && cursor.next().startsWith(prefix)) {
                count++;
            }
            return count;
        }

        @Override
        public long size() {
            return map.sizeAsLong();
        }

        @Override
        public void drop() {
            map.getStore().removeMap(map);
        }

        private static String entry(Object key, Object id) {
            return encodeKey(key) + encodeId(id);
        }

        /**
         * Each part is a type tag, the length of its text, ':' and the text, so no key's encoding is the beginning of
         * another's: the entries of one key are exactly the map keys that start with its encoding.
         */
        private static String part(char tag, String text) {
            return tag + Integer.toString(text.length()) + ':' + text;
        }

        /** The index keys: the values {@link EqualityIndex#isIndexable} admits, or one of its sentinels. */
        static String encodeKey(Object key) {
            if (key == EqualityIndex.OTHER) {
                return part('X', "");
            }
            if (key == EqualityIndex.ABSENT) {
                return part('A', "");
            }
            if (key == EqualityIndex.MULTIKEY) {
                return part('M', "");
            }
            return encodeValue(key);
        }

        /** Distinct ids (by Java equality, as the in-memory entries tell them apart) encode distinctly. */
        static String encodeId(Object id) {
            if (id instanceof Integer || id instanceof Long || id instanceof Double) {
                return part(id.getClass().getSimpleName().charAt(0), id.toString());
            }
            return encodeValue(id);
        }

        private static String encodeValue(Object value) {
            if (value instanceof String string) {
                return part('s', string);
            }
            if (value instanceof Boolean bool) {
                return part('b', bool.toString());
            }
            if (value instanceof ObjectId objectId) {
                return part('o', objectId.getHexData());
            }
            if (value instanceof UUID uuid) {
                return part('u', uuid.toString());
            }
            if (value instanceof Instant instant) {
                return part('i', instant.toString());
            }
            return part('j', serialized(value));
        }

        /** Any other id (a sub-document, a date, binary data): its Java serialization, as the store writes it. */
        private static String serialized(Object value) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(value);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot index the _id " + value, e);
            }
            return Base64.getEncoder().encodeToString(bytes.toByteArray());
        }
    }
}
