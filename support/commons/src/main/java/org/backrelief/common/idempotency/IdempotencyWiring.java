package org.backrelief.common.idempotency;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * The one producer of {@link Idempotency}, over the service's own database (collection
 * {@value IdempotencyStore#COLLECTION}). A service turns it on at build time with
 * {@code backrelief.idempotency.store=mongodb} in its application.properties; without that line the bean does not
 * exist, so a service without MongoDB (the gateway, which also depends on commons) needs no {@link MongoClient}.
 */
@Singleton
@IfBuildProperty(name = "backrelief.idempotency.store", stringValue = "mongodb")
public class IdempotencyWiring {

    @Produces
    @Singleton
    Idempotency idempotency(MongoClient mongo, ObjectMapper mapper, IdempotencyConfig config,
            @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        IdempotencyStore store = new IdempotencyStore(
                mongo.getDatabase(database).getCollection(IdempotencyStore.COLLECTION), Clock.systemUTC(),
                config.retention(), config.lease());
        store.ensureIndexes();
        return new Idempotency(store, mapper);
    }
}
