package org.backrelief.planner;

import org.backrelief.planner.testsupport.CatalogStubResource;
import org.backrelief.planner.tracing.OtlpReceiver;
import org.backrelief.testing.HealthContract;
import org.backrelief.testing.InfrastructureResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Health smoke test; declares the module's shared test infrastructure (one app, broker, database, catalog stub, trace
 * collector).
 */
@QuarkusTest
@QuarkusTestResource(InfrastructureResource.class)
@QuarkusTestResource(CatalogStubResource.class)
@QuarkusTestResource(OtlpReceiver.class)
class PlannerHealthTest extends HealthContract {
}
