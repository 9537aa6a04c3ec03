package org.backrelief.catalog;

import org.backrelief.testing.HealthContract;
import org.backrelief.testing.InfrastructureResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(InfrastructureResource.class)
class CatalogHealthTest extends HealthContract {
}
