package org.backrelief.catalog.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.backrelief.catalog.exercise.ExerciseQueryParams;
import org.backrelief.catalog.exercise.ExerciseResource;
import org.backrelief.testing.mongo.MongoCommands.Command;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The catalog's reads against their budgets in {@link QueryBudgets}, counted at the driver over the real
 * Mongo-protocol server: a read that reaches MongoDB fails here.
 */
@QuarkusTest
class QueryBudgetTest {

    @Inject
    CatalogMongoCommands mongo;
    @Inject
    ExerciseResource exercises;

    @Test
    void listingTheCatalogMakesNoRoundTrip() {
        ExerciseQueryParams all = new ExerciseQueryParams();
        ExerciseQueryParams filtered = new ExerciseQueryParams();
        filtered.phase = "STRETCHING";
        filtered.q = "cat";
        filtered.sort = "name";
        filtered.size = "5";

        for (ExerciseQueryParams params : List.of(all, filtered)) {
            var listed = mongo.during(() -> exercises.list(params, null));
            assertThat(listed.result().getStatus()).isEqualTo(Response.Status.OK.getStatusCode());
            assertThat(listed.commands()).as("commands of a list: %s", listed.commands()).hasSize(QueryBudgets.LIST);
        }
    }

    @Test
    void gettingOneExerciseMakesNoRoundTrip() {
        var got = mongo.during(() -> exercises.get("glute-bridge", null));
        assertThat(got.result().getStatus()).isEqualTo(Response.Status.OK.getStatusCode());
        List<Command> commands = got.commands();
        assertThat(commands).as("commands of a get: %s", commands).hasSize(QueryBudgets.GET);
    }
}
