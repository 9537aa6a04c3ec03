package org.backrelief.planner.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the planner's catalog client at {@link CatalogStub}. */
public class CatalogStubResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.rest-client.catalog.url", CatalogStub.get().url(),
                // recover fast in tests once the catalog is back
                "org.backrelief.planner.catalog.CatalogLoader/fetchAll/CircuitBreaker/delay", "1000",
                "org.backrelief.planner.catalog.CatalogLoader/fetchAll/CircuitBreaker/delayUnit", "MILLIS");
    }

    @Override
    public void stop() {
        // shared by the test JVM
    }
}
