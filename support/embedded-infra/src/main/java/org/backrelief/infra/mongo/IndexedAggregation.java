package org.backrelief.infra.mongo;

import java.util.List;
import java.util.stream.StreamSupport;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * An aggregation that opens with {@code $match}, fed with what that filter selects through the collection's indexes,
 * as a real MongoDB does. mongo-java-server runs every pipeline over the whole collection and filters afterwards:
 * a completion's one-round-trip read (a {@code $match} on {@code _id}, then {@code $lookup}s) deserialized every
 * session of every user, and a history page's {@code countDocuments} every fact. At the bench's full size (210,000
 * sessions, 200,000 facts) that took the embedded server past its timeouts under 200 completions a second
 * (BENCHMARKS.md, "Full size, second and third attempts").
 * <p>
 * The rest of the pipeline, the {@code $match} included, runs as the server runs it; the answer is one batch. A
 * pipeline that writes ({@code $out}, {@code $merge}), takes variables ({@code let}) or is explained is left to the
 * server.
 */
final class IndexedAggregation {

    private IndexedAggregation() {
    }

    /** The answer to {@code command}, or null when the server's own handling applies. */
    static Document answer(MongoDatabase database, String command, Document query, DatabaseResolver resolver,
            Oplog oplog) {
        if (!"aggregate".equalsIgnoreCase(command) || !(query.get("aggregate") instanceof String collectionName)
                || query.containsKey("let") || query.containsKey("explain")) {
            return null;
        }
        List<Document> pipeline = Aggregation.parse(query.get("pipeline"));
        if (pipeline.isEmpty() || !(pipeline.get(0).get("$match") instanceof Document match)
                || pipeline.stream().anyMatch(stage -> stage.containsKey("$out") || stage.containsKey("$merge"))) {
            return null;
        }
        MongoCollection<?> collection = database.resolveCollection(collectionName, false);
        if (collection == null) {
            return null;
        }
        Aggregation aggregation = Aggregation.fromPipeline(pipeline, resolver, database, collection, oplog);
        List<Document> result = aggregation.runStages(
                StreamSupport.stream(collection.handleQuery(match).spliterator(), false));
        return new Document("cursor", new Document("firstBatch", result).append("id", 0L)
                .append("ns", database.getDatabaseName() + "." + collectionName)).append("ok", 1.0);
    }
}
