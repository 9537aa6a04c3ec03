package org.backrelief.planner.support;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.backrelief.common.idempotency.Idempotency;
import org.backrelief.common.idempotency.IdempotencyStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;

/** The Idempotency-Key support of commons, over this service's own database (collection idempotency_keys). */
@Singleton
public class IdempotencyWiring {

    @Produces
    @Singleton
    Idempotency idempotency(MongoClient mongo, ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.mongodb.database") String database,
            @ConfigProperty(name = "backrelief.idempotency.retention") Duration retention,
            @ConfigProperty(name = "backrelief.idempotency.lease") Duration lease) {
        IdempotencyStore store = new IdempotencyStore(mongo.getDatabase(database).getCollection(IdempotencyStore.COLLECTION),
                Clock.systemUTC(), retention, lease);
        store.ensureIndexes();
        return new Idempotency(store, mapper);
    }
}
