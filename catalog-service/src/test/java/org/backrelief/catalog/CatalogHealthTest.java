package org.backrelief.catalog;

import org.backrelief.catalog.readmodel.ReadModelHealthCheck;
import org.backrelief.testing.HealthContract;
import org.backrelief.testing.InfrastructureResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(InfrastructureResource.class)
class CatalogHealthTest extends HealthContract {

    /** Readiness follows MongoDB through the read model's freshness check (the standard check is off). */
    @Override
    protected String mongoCheckName() {
        return ReadModelHealthCheck.NAME;
    }
}
