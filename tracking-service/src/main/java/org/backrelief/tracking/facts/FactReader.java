package org.backrelief.tracking.facts;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

/** Reads one user's facts from the live generation; every query starts with the user id, so it uses an index. */
@ApplicationScoped
public class FactReader {

    private static final Bson NEWEST_FIRST = Sorts.descending(FactDocuments.LOCAL_DATE, FactDocuments.COMPLETED_AT);
    /** A history page shows no keys: leave them on the server. */
    private static final Bson HISTORY_FIELDS = Projections.exclude(FactDocuments.ID, FactDocuments.EVENT_ID,
            FactDocuments.RANK, FactDocuments.USER_ID);

    private final Generations generations;
    private final FactCollections collections;

    public FactReader(Generations generations, FactCollections collections) {
        this.generations = generations;
        this.collections = collections;
    }

    /**
     * One page of the session list, newest first, with the total for the same filter. The total costs a second
     * query only when the page alone does not tell it (a full page, or an empty page after the first).
     */
    public Page<SessionFact> history(String userId, LocalDate from, LocalDate to, int page, int size) {
        MongoCollection<Document> sessions = collections.sessions(generations.currentForReads());
        Bson filter = byUserAndDays(userId, from, to);
        List<SessionFact> items = new ArrayList<>(size);
        for (Document doc : sessions.find(filter).projection(HISTORY_FIELDS).sort(NEWEST_FIRST)
                .skip(page * size).limit(size)) {
            items.add(FactDocuments.toSession(doc));
        }
        long total = totalFromPage(page, size, items.size());
        if (total < 0) {
            total = sessions.countDocuments(filter);
        }
        return new Page<>(items, total);
    }

    /**
     * The filter's total when a page shows it: a page with fewer than {@code size} items is the last one, unless it is
     * an empty page past the end (then the total is unknown). -1 when unknown.
     */
    static long totalFromPage(int page, int size, int returned) {
        if (returned < size && (returned > 0 || page == 0)) {
            return (long) page * size + returned;
        }
        return -1;
    }

    /** All sessions of the user in the day range (either end may be open), newest first. */
    public List<SessionFact> sessions(String userId, LocalDate from, LocalDate to, boolean withNotes) {
        FindIterable<Document> found = collections.sessions(generations.currentForReads())
                .find(byUserAndDays(userId, from, to)).sort(NEWEST_FIRST);
        if (!withNotes) {
            found = found.projection(Projections.exclude(FactDocuments.NOTES));
        }
        List<SessionFact> sessions = new ArrayList<>();
        for (Document doc : found) {
            sessions.add(FactDocuments.toSession(doc));
        }
        return sessions;
    }

    public List<CheckInFact> checkIns(String userId, LocalDate from, LocalDate to) {
        List<CheckInFact> checkIns = new ArrayList<>();
        for (Document doc : collections.checkIns(generations.currentForReads()).find(byUserAndDays(userId, from, to))) {
            checkIns.add(FactDocuments.toCheckIn(doc));
        }
        return checkIns;
    }

    /** The most recent session and the most recent check-in (either may be missing): enough to know the zone. */
    public Latest latest(String userId) {
        long generation = generations.currentForReads();
        Document session = collections.sessions(generation).find(eq(FactDocuments.USER_ID, userId))
                .sort(NEWEST_FIRST).limit(1).first();
        Document checkIn = collections.checkIns(generation).find(eq(FactDocuments.USER_ID, userId))
                .sort(Sorts.descending(FactDocuments.LOCAL_DATE, FactDocuments.RECORDED_AT)).limit(1).first();
        return new Latest(session == null ? List.of() : List.of(FactDocuments.toSession(session)),
                checkIn == null ? List.of() : List.of(FactDocuments.toCheckIn(checkIn)));
    }

    private static Bson byUserAndDays(String userId, LocalDate from, LocalDate to) {
        List<Bson> conditions = new ArrayList<>(3);
        conditions.add(eq(FactDocuments.USER_ID, userId));
        if (from != null) {
            conditions.add(gte(FactDocuments.LOCAL_DATE, from.toString()));
        }
        if (to != null) {
            conditions.add(lte(FactDocuments.LOCAL_DATE, to.toString()));
        }
        return conditions.size() == 1 ? conditions.get(0) : and(conditions);
    }

    public record Page<T>(List<T> items, long total) {
    }

    public record Latest(List<SessionFact> sessions, List<CheckInFact> checkIns) {
    }
}
