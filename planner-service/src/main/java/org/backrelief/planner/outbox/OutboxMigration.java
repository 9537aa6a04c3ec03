package org.backrelief.planner.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bson.Document;
import org.jboss.logging.Logger;

import com.mongodb.client.MongoCollection;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.arc.All;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Converts documents stored before the outbox was one concept (issue 17: {@code eventId}, {@code data},
 * {@code published}, {@code publishedAt}, {@code attempts} at the top level) into an {@link OutboxEntry}, so the relay
 * sends what was still pending and readers find the event data in one place. Runs once per start in the background;
 * a document is converted at most once (the filter requires the old shape), so replicas may run it concurrently.
 */
@ApplicationScoped
public class OutboxMigration {

    private static final Logger LOG = Logger.getLogger(OutboxMigration.class);

    private final List<OutboxSource> sources;

    public OutboxMigration(@All List<OutboxSource> sources) {
        this.sources = List.copyOf(sources);
    }

    void onStart(@Observes StartupEvent event) {
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                migrate();
            } catch (RuntimeException e) {
                LOG.warnf("Could not convert older outbox records (retried at the next start): %s", e.toString());
            }
        });
    }

    /** Converts every document of the old shape; returns how many. */
    @WithSpan
    public int migrate() {
        int converted = 0;
        for (OutboxSource source : sources) {
            MongoCollection<Document> collection = source.outboxCollection().withDocumentClass(Document.class);
            for (Document old : collection.find(and(exists(OutboxSource.FIELD, false), exists("eventId")))) {
                Document entry = new Document("eventId", old.get("eventId"))
                        .append("eventType", source.outboxEventType())
                        .append("key", old.get("userId"))
                        .append("occurredAt", old.get("createdAt"))
                        .append("data", old.get("data"))
                        .append("state", (Boolean.TRUE.equals(old.get("published")) ? OutboxState.PUBLISHED
                                : OutboxState.PENDING).name())
                        .append("attempts", old.get("attempts", 0))
                        .append("publishedAt", old.get("publishedAt"));
                converted += (int) collection.updateOne(and(eq("_id", old.get("_id")), exists(OutboxSource.FIELD, false)),
                        combine(set(OutboxSource.FIELD, entry), unset("eventId"), unset("data"), unset("published"),
                                unset("publishedAt"), unset("attempts"))).getModifiedCount();
            }
        }
        if (converted > 0) {
            LOG.infof("Converted %d older outbox record(s) to the outbox entry shape", converted);
        }
        return converted;
    }
}
