package org.backrelief.planner.completion;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.backrelief.common.events.EventTypes;
import org.backrelief.planner.plan.PlanEntity;
import org.backrelief.planner.plan.SessionEntity;
import org.backrelief.planner.plan.SessionRepository;
import org.backrelief.planner.profile.ProfileEntity;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonValue;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.configuration.CodecRegistry;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;

import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;

@ApplicationScoped
public class CompletionRepository implements PanacheMongoRepositoryBase<CompletionEntity, String>,
        AdaptationSource<CompletionEntity> {

    private static final String COMPLETION = "completion";
    private static final String PLAN = "plan";
    private static final String PROFILE = "profile";

    private final SessionRepository sessions;

    public CompletionRepository(SessionRepository sessions) {
        this.sessions = sessions;
    }

    /**
     * The session {@code sessionId} of {@code userId} with its stored completion, its plan and its owner's profile, in
     * one round trip (issue 18: a completion read them in four). Standard {@code $lookup}s on each primary key, so it
     * runs the same on a real MongoDB; someone else's session reads as absent.
     */
    public Optional<CompletionContext> context(String sessionId, String userId) {
        MongoCollection<SessionEntity> collection = sessions.mongoCollection();
        BsonDocument found = collection.withDocumentClass(BsonDocument.class).aggregate(List.of(
                Aggregates.match(and(eq("_id", sessionId), eq("userId", userId))),
                Aggregates.lookup("completions", "_id", "_id", COMPLETION),
                Aggregates.lookup("plans", "planId", "_id", PLAN),
                Aggregates.lookup("profiles", "userId", "_id", PROFILE))).first();
        if (found == null) {
            return Optional.empty();
        }
        CodecRegistry codecs = collection.getCodecRegistry();
        CompletionEntity existing = single(found.remove(COMPLETION), CompletionEntity.class, codecs);
        PlanEntity plan = single(found.remove(PLAN), PlanEntity.class, codecs);
        ProfileEntity profile = single(found.remove(PROFILE), ProfileEntity.class, codecs);
        return Optional.of(new CompletionContext(decode(found, SessionEntity.class, codecs), existing, plan, profile));
    }

    private static <T> T single(BsonValue joined, Class<T> type, CodecRegistry codecs) {
        BsonArray matches = joined == null ? new BsonArray() : joined.asArray();
        return matches.isEmpty() ? null : decode(matches.get(0).asDocument(), type, codecs);
    }

    private static <T> T decode(BsonDocument document, Class<T> type, CodecRegistry codecs) {
        return codecs.get(type).decode(new BsonDocumentReader(document), DecoderContext.builder().build());
    }

    /** Its documents carry their event's outbox entry. */
    @Override
    public MongoCollection<CompletionEntity> outboxCollection() {
        return mongoCollection();
    }

    @Override
    public String outboxEventType() {
        return EventTypes.SESSION_COMPLETED_V1;
    }

}
