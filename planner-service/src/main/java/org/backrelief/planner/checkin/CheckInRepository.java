package org.backrelief.planner.checkin;

import jakarta.enterprise.context.ApplicationScoped;

import org.backrelief.common.events.EventTypes;
import org.backrelief.planner.completion.AdaptationSource;

import com.mongodb.client.MongoCollection;

import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;

@ApplicationScoped
public class CheckInRepository implements PanacheMongoRepositoryBase<CheckInEntity, String>,
        AdaptationSource<CheckInEntity> {

    /** Its documents carry their event's outbox entry. */
    @Override
    public MongoCollection<CheckInEntity> outboxCollection() {
        return mongoCollection();
    }

    @Override
    public String outboxEventType() {
        return EventTypes.PAIN_CHECKIN_V1;
    }

}
