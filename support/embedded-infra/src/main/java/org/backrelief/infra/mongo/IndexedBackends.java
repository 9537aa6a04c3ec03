package org.backrelief.infra.mongo;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;

/**
 * mongo-java-server backends whose databases keep non-unique secondary indexes ({@link EqualityIndex}) instead of
 * ignoring them, so the embedded server's cost per query follows the data a query asks for, as on a real MongoDB.
 * Every collection with an {@code _id} also gets an equality index on it: the server's own primary-key index only
 * answers a filter on {@code _id} alone, so a guarded update such as {@code {_id: x, version: 3}} would scan.
 */
public final class IndexedBackends {

    private static final String ID = "_id";
    /** Kept out of the index catalogue (listIndexes): it is the server's implementation detail, not the schema's. */
    private static final String ID_EQUALITY = "_id_equality";

    private IndexedBackends() {
    }

    /**
     * Data on disk in the H2 file {@code fileName}; a write command is answered only once it is committed and fsynced
     * (see {@link DurableStore}).
     */
    public static MongoBackend h2(String fileName) {
        return new IndexedH2Backend(DurableStore.open(fileName));
    }

    /** Data in memory. */
    public static MongoBackend memory() {
        return new IndexedMemoryBackend();
    }

    private static final class IndexedH2Backend extends H2Backend {

        private final DurableStore durable;

        IndexedH2Backend(DurableStore durable) {
            super(durable.mvStore());
            this.durable = durable;
        }

        /**
         * Every command (OP_MSG and legacy OP_QUERY commands alike) comes through here; a write is acknowledged only
         * after it is durable, whether it succeeded, failed half-way (an unordered bulk insert with a duplicate) or not.
         * Dead chunks are reused at once (retention 0, see {@link DurableStore}), so a long scan must pin the version
         * it reads; without the pin, a scan running while writers commit could meet "Chunk … not found".
         */
        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            // pins the store version this command reads: H2 frees a dead chunk only once no reader can still need it
            MVStore.TxCounter reading = durable.mvStore().registerVersionUsage();
            try {
                return super.handleCommand(channel, databaseName, command, query);
            } finally {
                durable.mvStore().deregisterVersionUsage(reading);
                // an aggregation writes only with $out/$merge: it waits only if something is unsaved
                if (DurableStore.isWrite(command)
                        || "aggregate".equalsIgnoreCase(command) && durable.mvStore().hasUnsavedChanges()) {
                    durable.awaitDurable();
                }
            }
        }

        @Override
        public void close() {
            durable.close(); // commits, compacts if mostly free space, closes
            super.close(); // the MVStore is closed already: only forgets the databases
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry());
        }
    }

    private static final class IndexedH2Database extends H2Database {

        private final MVStore mvStore;

        IndexedH2Database(String databaseName, MVStore store, CursorRegistry cursors) {
            super(databaseName, store, cursors);
            this.mvStore = store;
            initializeNamespacesAndIndexes();
        }

        /** An aggregation that opens with {@code $match} starts from the indexes ({@link IndexedAggregation}). */
        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
                Oplog oplog) {
            Document answer = IndexedAggregation.answer(this, command, query, resolver, oplog);
            return answer != null ? answer : super.handleCommand(channel, command, query, resolver, oplog);
        }

        /** Runs once the store is known: the superclass's constructor calls it before (and is ignored then). */
        @Override
        protected void initializeNamespacesAndIndexes() {
            if (mvStore == null) {
                return;
            }
            super.initializeNamespacesAndIndexes();
            MongoCollection<Object> descriptions = indexes.get();
            if (descriptions != null) {
                descriptions.queryAll().forEach(description -> addIdEquality(this, description, this::persistedIndex));
            }
        }

        @Override
        protected void addIndex(Document description) {
            super.addIndex(description);
            addIdEquality(this, description, this::persistedIndex);
        }

        @Override
        public void dropCollection(String collectionName, Oplog oplog) {
            removeIdEquality(this, collectionName);
            super.dropCollection(collectionName, oplog);
        }

        @Override
        public void drop(Oplog oplog) {
            removeIdEqualities(this, indexes.get());
            super.drop(oplog);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            return persistedIndex(collectionName, indexName, keys, sparse);
        }

        /**
         * Its entries in the map H2Database names for the index (and removes when the index is dropped), beside the
         * unique indexes' maps. Found non-empty at open, the index is used as it is: the collection rebuilds only an
         * empty index from its documents (a store written before the entries were kept does that once).
         */
        private Index<Object> persistedIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            MVMap<String, Object> entries = mvStore.openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName);
            return new EqualityIndex<>(indexName, keys, sparse, IndexEntries.persisted(entries));
        }
    }

    private static final class IndexedMemoryBackend extends MemoryBackend {

        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new IndexedMemoryDatabase(databaseName, getCursorRegistry());
        }
    }

    private static final class IndexedMemoryDatabase extends MemoryDatabase {

        IndexedMemoryDatabase(String databaseName, CursorRegistry cursors) {
            super(databaseName, cursors);
        }

        /** An aggregation that opens with {@code $match} starts from the indexes ({@link IndexedAggregation}). */
        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
                Oplog oplog) {
            Document answer = IndexedAggregation.answer(this, command, query, resolver, oplog);
            return answer != null ? answer : super.handleCommand(channel, command, query, resolver, oplog);
        }

        @Override
        protected void addIndex(Document description) {
            super.addIndex(description);
            addIdEquality(this, description, (collection, name, keys, sparse) -> new EqualityIndex<>(name, keys, sparse));
        }

        @Override
        public void dropCollection(String collectionName, Oplog oplog) {
            removeIdEquality(this, collectionName);
            super.dropCollection(collectionName, oplog);
        }

        @Override
        public void drop(Oplog oplog) {
            removeIdEqualities(this, indexes.get());
            super.drop(oplog);
        }

        @Override
        protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            return new EqualityIndex<>(indexName, keys, sparse);
        }
    }

    /** Makes a database's equality index (collection name, index name, keys, sparse). */
    @FunctionalInterface
    private interface EqualityIndexFactory<P> {
        Index<P> create(String collectionName, String indexName, List<IndexKey> keys, boolean sparse);
    }

    /** After a collection's primary-key index is opened, adds the equality index on its {@code _id}. */
    private static <P> void addIdEquality(MongoDatabase database, Document indexDescription,
            EqualityIndexFactory<P> indexes) {
        if (!(indexDescription.get("key") instanceof Document key) || key.size() != 1 || !key.containsKey(ID)
                || !(indexDescription.get("ns") instanceof String namespace)) {
            return;
        }
        String collectionName = namespace.substring(database.getDatabaseName().length() + 1);
        @SuppressWarnings("unchecked")
        MongoCollection<P> collection = (MongoCollection<P>) database.resolveCollection(collectionName, false);
        if (collection != null && collection.getIndexes().stream().noneMatch(index -> ID_EQUALITY.equals(index.getName()))) {
            collection.addIndex(indexes.create(collectionName, ID_EQUALITY, List.of(new IndexKey(ID, true)), false));
        }
    }

    /** The server checks that a dropped collection has no index left; it does not know this one. */
    private static void removeIdEquality(MongoDatabase database, String collectionName) {
        MongoCollection<?> collection = database.resolveCollection(collectionName, false);
        if (collection != null && collection.getIndexes().stream().anyMatch(index -> ID_EQUALITY.equals(index.getName()))) {
            collection.dropIndex(ID_EQUALITY);
        }
    }

    private static void removeIdEqualities(MongoDatabase database, MongoCollection<?> indexDescriptions) {
        if (indexDescriptions == null) {
            return;
        }
        for (Document description : indexDescriptions.queryAll()) {
            if (description.get("ns") instanceof String namespace && namespace.length() > database.getDatabaseName().length()) {
                removeIdEquality(database, namespace.substring(database.getDatabaseName().length() + 1));
            }
        }
    }
}
