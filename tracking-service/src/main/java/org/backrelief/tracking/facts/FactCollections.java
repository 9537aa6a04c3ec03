package org.backrelief.tracking.facts;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * The generation-scoped fact collections and their indexes.
 * <p>
 * These are not Panache entities on purpose: Panache binds an entity to one fixed collection, and a rebuild needs
 * a fresh set of collections next to the live one ({@link Generations}).
 */
@ApplicationScoped
public class FactCollections {

    static final String SESSIONS = "sessions_g";
    static final String CHECK_INS = "checkins_g";
    private static final Pattern GENERATION_NAME = Pattern.compile("(?:sessions|checkins)_g(\\d+)");

    private final MongoClient mongo;
    private final String databaseName;
    /** Generations whose indexes this process already made sure of. */
    private final Set<Long> indexed = ConcurrentHashMap.newKeySet();

    public FactCollections(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String databaseName) {
        this.mongo = mongo;
        this.databaseName = databaseName;
    }

    public MongoCollection<Document> sessions(long generation) {
        return database().getCollection(SESSIONS + generation);
    }

    public MongoCollection<Document> checkIns(long generation) {
        return database().getCollection(CHECK_INS + generation);
    }

    /** The sessions collection for writing facts as they are ({@link FactDocuments#CODECS}). */
    MongoCollection<SessionFact> sessionFacts(long generation) {
        return database().getCollection(SESSIONS + generation, SessionFact.class)
                .withCodecRegistry(FactDocuments.CODECS);
    }

    MongoCollection<CheckInFact> checkInFacts(long generation) {
        return database().getCollection(CHECK_INS + generation, CheckInFact.class)
                .withCodecRegistry(FactDocuments.CODECS);
    }

    /**
     * Unique event ids (the idempotency guard next to the natural key in {@code _id}) and the per-user indexes every
     * read uses: history is {userId, localDate desc, completedAt desc}, check-ins are {userId, localDate}.
     */
    public void ensureIndexes(long generation) {
        if (indexed.contains(generation)) {
            return;
        }
        MongoCollection<Document> sessions = sessions(generation);
        sessions.createIndex(Indexes.ascending(FactDocuments.EVENT_ID),
                new IndexOptions().unique(true).name("eventId_unique"));
        sessions.createIndex(Indexes.compoundIndex(Indexes.ascending(FactDocuments.USER_ID),
                Indexes.descending(FactDocuments.LOCAL_DATE), Indexes.descending(FactDocuments.COMPLETED_AT)),
                new IndexOptions().name("user_history"));
        MongoCollection<Document> checkIns = checkIns(generation);
        checkIns.createIndex(Indexes.ascending(FactDocuments.EVENT_ID),
                new IndexOptions().unique(true).name("eventId_unique"));
        checkIns.createIndex(Indexes.ascending(FactDocuments.USER_ID, FactDocuments.LOCAL_DATE),
                new IndexOptions().name("user_day"));
        indexed.add(generation);
    }

    public void drop(long generation) {
        indexed.remove(generation);
        sessions(generation).drop();
        checkIns(generation).drop();
    }

    /** Generation numbers that have at least one fact collection in the database. */
    public Set<Long> existingGenerations() {
        Set<Long> generations = new TreeSet<>();
        for (String name : database().listCollectionNames()) {
            Matcher matcher = GENERATION_NAME.matcher(name);
            if (matcher.matches()) {
                generations.add(Long.parseLong(matcher.group(1)));
            }
        }
        return generations;
    }

    private MongoDatabase database() {
        return mongo.getDatabase(databaseName);
    }
}
