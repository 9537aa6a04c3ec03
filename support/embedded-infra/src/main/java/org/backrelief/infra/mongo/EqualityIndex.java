package org.backrelief.infra.mongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * A non-unique secondary index for mongo-java-server, which otherwise accepts such indexes and ignores them, so every
 * query by a field other than {@code _id} scans the whole collection (per-user reads then cost O(all users' data)).
 * <p>
 * It answers equality ({@code {f: v}}, {@code {f: {$eq: v}}}, {@code {f: {$in: [...]}}}, also inside a top-level
 * {@code $and}) on the index's <em>first</em> field, for string, boolean, ObjectId, UUID and date values. The
 * collection still applies the whole query, sort, skip and limit to the candidates it returns, so the index can only
 * narrow the documents looked at, never change a result. Anything it cannot answer exactly (other value types, a
 * missing/null test, an array anywhere on the field's path in any document) falls back to the collection scan.
 * <p>
 * Where its entries live is an {@link IndexEntries}: in memory for the in-memory server; for the on-disk server in an
 * H2 map of the same store ({@link IndexEntries#persisted}), written by the same commits as the documents, so it is
 * as durable as they are and a reopen finds it ready instead of deserializing every document to rebuild it.
 */
final class EqualityIndex<P> extends Index<P> {

    /** The key of documents whose value is of a type queries never use this index for (numbers, sub-documents). */
    static final Object OTHER = new Sentinel("OTHER");
    /** The key of documents without the field (or with null). */
    static final Object ABSENT = new Sentinel("ABSENT");
    /** The key of documents with an array on the field's path: their matching semantics are not equality. */
    static final Object MULTIKEY = new Sentinel("MULTIKEY");

    private record Sentinel(String name) {
    }

    private final String[] path;
    /** (key, document _id) → position. */
    private final IndexEntries<P> entries;
    private long multikeyDocuments;

    /** An index whose entries live in memory. */
    EqualityIndex(String name, List<IndexKey> keys, boolean sparse) {
        this(name, keys, sparse, IndexEntries.inMemory());
    }

    EqualityIndex(String name, List<IndexKey> keys, boolean sparse, IndexEntries<P> entries) {
        super(name, keys, sparse);
        this.path = keys.get(0).getKey().split("\\.");
        this.entries = entries;
        this.multikeyDocuments = entries.count(MULTIKEY);
    }

    private String field() {
        return getKeys().get(0).getKey();
    }

    // -------------------------------------------------------------------------------------------------- maintenance

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // not unique: nothing can conflict
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        Object key = keyOf(document);
        if (key == ABSENT && isSparse()) {
            return;
        }
        if (entries.put(key, idOf(document), position) == null && key == MULTIKEY) {
            multikeyDocuments++;
        }
    }

    @Override
    public synchronized P remove(Document document) {
        Object key = keyOf(document);
        P position = entries.remove(key, idOf(document));
        if (position != null && key == MULTIKEY) {
            multikeyDocuments--;
        }
        return position;
    }

    @Override
    public synchronized P getPosition(Document document) {
        return entries.get(keyOf(document), idOf(document));
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // not unique: nothing can conflict
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
            MongoCollection<P> collection) {
        if (Objects.equals(keyOf(oldDocument), keyOf(newDocument)) && keyOf(oldDocument) != MULTIKEY
                && Objects.equals(idOf(oldDocument), idOf(newDocument))) {
            return;
        }
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    @Override
    public synchronized void drop() {
        entries.drop();
        multikeyDocuments = 0;
    }

    @Override
    public synchronized long getCount() {
        return entries.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    // -------------------------------------------------------------------------------------------------------- queries

    @Override
    public synchronized boolean canHandle(Document query) {
        return multikeyDocuments == 0 && queriedValues(query) != null;
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        Collection<Object> values = queriedValues(query);
        if (values == null) {
            throw new IllegalStateException("index " + getName() + " cannot answer " + query);
        }
        Set<P> positions = new LinkedHashSet<>();
        for (Object value : values) {
            entries.collect(value, positions);
        }
        return new ArrayList<>(positions);
    }

    /** The values the query requires the first field to equal, or null when it does not pin the field to values. */
    private Collection<Object> queriedValues(Document query) {
        if (query.containsKey(field())) {
            Collection<Object> values = equalityValues(query.get(field()));
            if (values != null) {
                return values;
            }
        }
        if (query.get("$and") instanceof List<?> clauses) {
            for (Object clause : clauses) {
                if (clause instanceof Document document) {
                    Collection<Object> values = queriedValues(document);
                    if (values != null) {
                        return values;
                    }
                }
            }
        }
        return null;
    }

    private static Collection<Object> equalityValues(Object condition) {
        if (isIndexable(condition)) {
            return List.of(condition);
        }
        if (condition instanceof Document operators && operators.size() == 1) {
            Object eq = operators.get("$eq");
            if (isIndexable(eq)) {
                return List.of(eq);
            }
            if (operators.get("$in") instanceof Collection<?> in) {
                List<Object> values = new ArrayList<>(in.size());
                for (Object value : in) {
                    if (!isIndexable(value)) {
                        return null;
                    }
                    values.add(value);
                }
                return values;
            }
        }
        return null;
    }

    /** Types whose equality in MongoDB is plain Java equality (numbers are not: 1 equals 1.0 and 1L). */
    static boolean isIndexable(Object value) {
        return value instanceof String || value instanceof Boolean || value instanceof ObjectId
                || value instanceof UUID || value instanceof Instant;
    }

    // ----------------------------------------------------------------------------------------------------- keys

    private Object keyOf(Document document) {
        Object value = document;
        for (String step : path) {
            if (value instanceof Collection<?>) {
                return MULTIKEY;
            }
            if (!(value instanceof Document current)) {
                return ABSENT;
            }
            value = current.get(step);
        }
        if (value == null) {
            return ABSENT;
        }
        if (value instanceof Collection<?>) {
            return MULTIKEY;
        }
        return isIndexable(value) ? value : OTHER;
    }

    private static Object idOf(Document document) {
        return document.get("_id");
    }
}
