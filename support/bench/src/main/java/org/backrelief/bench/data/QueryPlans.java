package org.backrelief.bench.data;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * The query plans behind the history and statistics endpoints: for each collection of the tracker's database, its
 * indexes, its size, and the plan MongoDB chooses for "this user's documents, newest first" — found by locating the
 * field that holds the user id and the newest-first date field in a sample document. mongo-java-server has no
 * {@code explain}; then the indexes and the server's own index log lines are what shows the plan.
 */
public final class QueryPlans {

    private QueryPlans() {
    }

    public static Map<String, Object> describe(String mongoUri, String database, String userId) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("database", database);
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoDatabase db = client.getDatabase(database);
            List<Map<String, Object>> collections = new ArrayList<>();
            for (String name : db.listCollectionNames()) {
                collections.add(describeCollection(db, name, userId));
            }
            result.put("collections", collections);
        } catch (RuntimeException e) {
            result.put("error", e.toString());
        }
        return result;
    }

    private static Map<String, Object> describeCollection(MongoDatabase db, String name, String userId) {
        Map<String, Object> info = new LinkedHashMap<>();
        MongoCollection<Document> collection = db.getCollection(name);
        info.put("collection", name);
        info.put("documents", collection.estimatedDocumentCount());
        List<String> indexes = new ArrayList<>();
        for (Document index : collection.listIndexes()) {
            indexes.add(index.get("key", Document.class).toJson() + (Boolean.TRUE.equals(index.get("unique")) ? " unique" : ""));
        }
        info.put("indexes", indexes);
        String userField = findField(collection, userId);
        if (userField == null) {
            info.put("userField", "none (not a per-user collection, or the sample user has no document here)");
            return info;
        }
        Document sample = collection.find(new Document(userField, userId)).first();
        Document filter = new Document(userField, userId);
        Document sort = sample == null ? new Document() : newestFirst(sample);
        List<Map<String, Object>> queries = new ArrayList<>();
        queries.add(query(db, name, "history page: newest 20", filter, sort, 20));
        queries.add(query(db, name, "all of the user's documents (statistics are computed from them)", filter, null, 0));
        info.put("queries", queries);
        return info;
    }

    /** Runs one query from the benchmark (time, documents) and asks the server for its plan. */
    private static Map<String, Object> query(MongoDatabase db, String collectionName, String purpose, Document filter,
            Document sort, int limit) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("purpose", purpose);
        query.put("query", "find(" + filter.toJson() + ")" + (sort == null || sort.isEmpty() ? "" : ".sort(" + sort.toJson() + ")")
                + (limit > 0 ? ".limit(" + limit + ")" : ""));
        MongoCollection<Document> collection = db.getCollection(collectionName);
        long started = System.nanoTime();
        int returned = 0;
        var find = collection.find(filter).maxTime(60, TimeUnit.SECONDS);
        if (sort != null && !sort.isEmpty()) {
            find = find.sort(sort);
        }
        if (limit > 0) {
            find = find.limit(limit);
        }
        for (Document ignored : find) {
            returned++;
        }
        query.put("millisFromBench", Math.round((System.nanoTime() - started) / 1e4) / 100.0);
        query.put("returned", returned);
        try {
            Document command = new Document("find", collectionName).append("filter", filter);
            if (sort != null && !sort.isEmpty()) {
                command.append("sort", sort);
            }
            if (limit > 0) {
                command.append("limit", limit);
            }
            Document explain = db.runCommand(new Document("explain", command).append("verbosity", "executionStats"));
            query.put("plan", summarizeExplain(explain));
        } catch (RuntimeException e) {
            query.put("plan", "explain not supported by this server (" + e.getMessage().split("\n")[0] + ")");
        }
        return query;
    }

    /** The tracker's history order: by local date, then completion time, newest first (the fields it has). */
    private static Document newestFirst(Document sample) {
        Document sort = new Document();
        for (String field : List.of("localDate", "scheduledDate")) {
            if (sample.containsKey(field)) {
                sort.append(field, -1);
                break;
            }
        }
        String dateField = dateField(sample);
        if (dateField != null) {
            sort.append(dateField, -1);
        }
        return sort;
    }

    /** The field (top level, or one level down) whose value is the user id, found in any document. */
    private static String findField(MongoCollection<Document> collection, String userId) {
        for (String candidate : List.of("userId", "user", "subject", "_id", "data.userId", "user_id", "owner")) {
            if (collection.find(new Document(candidate, userId)).limit(1).first() != null) {
                return candidate;
            }
        }
        return null;
    }

    private static String dateField(Document sample) {
        String fallback = null;
        for (Map.Entry<String, Object> e : sample.entrySet()) {
            if (e.getValue() instanceof Date) {
                String key = e.getKey().toLowerCase();
                if (key.contains("completed") || key.contains("occurred")) {
                    return e.getKey();
                }
                if (fallback == null) {
                    fallback = e.getKey();
                }
            }
        }
        return fallback;
    }

    private static Map<String, Object> summarizeExplain(Document explain) {
        Map<String, Object> plan = new LinkedHashMap<>();
        Document planner = explain.get("queryPlanner", Document.class);
        if (planner != null) {
            Document winning = planner.get("winningPlan", Document.class);
            if (winning != null && winning.get("queryPlan") instanceof Document slotBased) {
                winning = slotBased; // MongoDB 7's slot-based engine nests the classic plan shape
            }
            plan.put("winningPlan", stages(winning));
        }
        Document stats = explain.get("executionStats", Document.class);
        if (stats != null) {
            plan.put("docsExamined", stats.get("totalDocsExamined"));
            plan.put("keysExamined", stats.get("totalKeysExamined"));
            plan.put("returned", stats.get("nReturned"));
            plan.put("millis", stats.get("executionTimeMillis"));
        }
        return plan;
    }

    /** "LIMIT <- FETCH <- IXSCAN {userId: 1, completedAt: -1}" */
    private static String stages(Document stage) {
        List<String> names = new ArrayList<>();
        while (stage != null) {
            String name = stage.getString("stage");
            Object key = stage.get("keyPattern");
            names.add(key instanceof Document k ? name + " " + k.toJson() : name);
            Object input = stage.get("inputStage");
            stage = input instanceof Document d ? d : null;
        }
        return String.join(" <- ", names);
    }
}
