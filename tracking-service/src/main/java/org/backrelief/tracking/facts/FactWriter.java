package org.backrelief.tracking.facts;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;

/**
 * Stores facts with one unordered bulk insert per collection and batch, by the rule of {@link FactIdentity}: a
 * duplicate key is success (the fact is already there) — unless the newcomer ranks earlier than the stored version of
 * the same session or check-in, in which case it replaces it, so the result never depends on the order events arrive
 * in.
 * <p>
 * Anything but a per-document write error (server down, timeout, write concern not met) is thrown; the caller
 * retries the whole batch, which is safe because every step is idempotent.
 */
@ApplicationScoped
public class FactWriter {

    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

    private final FactCollections collections;

    public FactWriter(FactCollections collections) {
        this.collections = collections;
    }

    public Outcome writeSessions(long generation, List<SessionFact> sessions) {
        return write(collections.sessionFacts(generation), sessions, FactIdentity::key, FactIdentity::rank);
    }

    public Outcome writeCheckIns(long generation, List<CheckInFact> checkIns) {
        return write(collections.checkInFacts(generation), checkIns, FactIdentity::key, FactIdentity::rank);
    }

    private static <T> Outcome write(MongoCollection<T> collection, List<T> docs, Function<T, String> keyOf,
            Function<T, String> rankOf) {
        if (docs.isEmpty()) {
            return Outcome.NOTHING;
        }
        TreeSet<Integer> duplicates = new TreeSet<>();
        Map<Integer, String> rejected = new TreeMap<>();
        try {
            collection.insertMany(docs, UNORDERED);
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null) {
                throw e;
            }
            for (BulkWriteError error : e.getWriteErrors()) {
                if (FactIdentity.isDuplicate(error.getCode())) {
                    duplicates.add(error.getIndex());
                } else {
                    rejected.put(error.getIndex(), error.getMessage());
                }
            }
        }
        int stored = docs.size() - duplicates.size() - rejected.size();
        int replaced = duplicates.isEmpty() ? 0 : resolveConflicts(collection, docs, keyOf, rankOf, duplicates, rejected);
        return new Outcome(stored, duplicates.size() - replaced, replaced, rejected);
    }

    /**
     * For keys that were already stored: the earliest-ranked version wins. Exact redeliveries (same rank) cost one
     * indexed read for the whole batch and no write.
     */
    private static <T> int resolveConflicts(MongoCollection<T> collection, List<T> docs, Function<T, String> keyOf,
            Function<T, String> rankOf, TreeSet<Integer> duplicates, Map<Integer, String> rejected) {
        Map<String, Integer> bestCandidate = new LinkedHashMap<>();
        for (int index : duplicates) {
            String key = keyOf.apply(docs.get(index));
            bestCandidate.merge(key, index,
                    (a, b) -> FactIdentity.replaces(rankOf.apply(docs.get(b)), rankOf.apply(docs.get(a))) ? b : a);
        }
        Map<String, String> storedRanks = storedRanks(collection, new ArrayList<>(bestCandidate.keySet()));
        int replaced = 0;
        for (Map.Entry<String, Integer> candidate : bestCandidate.entrySet()) {
            String storedRank = storedRanks.get(candidate.getKey());
            T doc = docs.get(candidate.getValue());
            // No stored version under this key: the clash was on the event id, which another fact already carries.
            while (storedRank != null && FactIdentity.replaces(rankOf.apply(doc), storedRank)) {
                try {
                    // compare-and-set: if a concurrent writer changed the fact, read it again and decide again
                    if (collection.replaceOne(and(eq(FactDocuments.ID, candidate.getKey()),
                            eq(FactDocuments.RANK, storedRank)), doc).getMatchedCount() == 1) {
                        replaced++;
                        break;
                    }
                } catch (MongoWriteException e) {
                    if (!FactIdentity.isDuplicate(e.getError().getCode())) {
                        rejected.put(candidate.getValue(), e.getError().getMessage());
                    }
                    break;
                }
                storedRank = storedRanks(collection, List.of(candidate.getKey())).get(candidate.getKey());
            }
        }
        return replaced;
    }

    private static Map<String, String> storedRanks(MongoCollection<?> collection, List<String> keys) {
        Map<String, String> ranks = new HashMap<>();
        for (Document stored : collection.find(in(FactDocuments.ID, keys), Document.class)
                .projection(Projections.include(FactDocuments.RANK))) {
            ranks.put(stored.getString(FactDocuments.ID), stored.getString(FactDocuments.RANK));
        }
        return ranks;
    }

    /**
     * @param stored new facts
     * @param duplicates facts that were already stored (redeliveries, or later versions that lost to an earlier one)
     * @param replaced stored facts replaced by an earlier-ranked version
     * @param rejected position in the input → the store's reason, for documents the store refused for good
     */
    public record Outcome(int stored, int duplicates, int replaced, Map<Integer, String> rejected) {

        static final Outcome NOTHING = new Outcome(0, 0, 0, Map.of());
    }
}
