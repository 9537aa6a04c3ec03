package org.backrelief.catalog.readmodel;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready = the catalog is loaded and MongoDB confirmed it recently (the periodic freshness check reached the database
 * within {@code read-model.max-unverified}). So readiness follows the database, like the standard MongoDB check did,
 * without a database call per probe and without the reactive client that check created.
 */
@Readiness
@ApplicationScoped
public class ReadModelHealthCheck implements HealthCheck {

    public static final String NAME = "MongoDB catalog read model";

    private final ExerciseReadModel readModel;

    public ReadModelHealthCheck(ExerciseReadModel readModel) {
        this.readModel = readModel;
    }

    @Override
    public HealthCheckResponse call() {
        var verifiedAt = readModel.verifiedAt();
        return HealthCheckResponse.named(NAME).status(readModel.isFresh())
                .withData("verifiedAt", verifiedAt == null ? "never" : verifiedAt.toString()).build();
    }
}
