package org.backrelief.planner.completion;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.pull;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.backrelief.planner.testsupport.Api.as;
import static org.backrelief.planner.testsupport.Api.completion;
import static org.backrelief.planner.testsupport.Api.completionPath;
import static org.backrelief.planner.testsupport.Api.newUser;
import static org.backrelief.planner.testsupport.Api.planFor;
import static org.backrelief.planner.testsupport.Api.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.backrelief.planner.checkin.CheckInRepository;
import org.backrelief.planner.plan.PlanRepository;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The adaptation sweep over the real Mongo-protocol server: what a request left undone after its write. */
@QuarkusTest
class AdaptationSweepTest {

    @Inject
    AdaptationSweep sweep;

    @Inject
    CompletionRepository completions;

    @Inject
    CheckInRepository checkIns;

    @Inject
    PlanRepository plans;

    @Test
    void theSweepConfirmsReportsThePlanAppliedAndAppliesTheOnesACrashLeftBehind() {
        String vera = newUser("vera");
        JsonPath plan = planFor(vera, profile(), Map.of());
        String planId = plan.getString("planId");
        String sessionId = plan.getString("sessions[0].sessionId");
        as(vera).body(completion(vera, sessionId, 2, 2)).post(completionPath(sessionId)).then().statusCode(200);
        String checkInId = as(vera).body(Map.of("pain", 3)).post("/api/v1/me/checkins").then().statusCode(201)
                .extract().jsonPath().getString("checkInId");
        String completionKey = completions.findById(sessionId).reportKey();
        String checkInKey = checkIns.findById(checkInId).reportKey();
        assertThat(plans.findById(planId).appliedReports).contains(completionKey, checkInKey);

        // as after a crash between the completion's write and its plan's adaptation: the plan never saw it
        plans.mongoCollection().updateOne(eq("_id", planId), pull("appliedReports", completionKey));
        // both records old enough for the sweep, neither confirmed yet
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        completions.mongoCollection().updateOne(eq("_id", sessionId),
                combine(set("createdAt", anHourAgo), set(AdaptationSource.ADAPTED, false)));
        checkIns.mongoCollection().updateOne(eq("_id", checkInId),
                combine(set("createdAt", anHourAgo), set(AdaptationSource.ADAPTED, false)));

        sweep.sweep();

        // (the scheduled sweep may have got there first: either way the outcome is the same)
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(completions.findById(sessionId).adapted).as("completion adapted").isTrue();
            assertThat(checkIns.findById(checkInId).adapted).as("check-in confirmed").isTrue();
        });
        assertThat(plans.findById(planId).appliedReports).as("the completion applied by the sweep")
                .contains(completionKey, checkInKey);
    }
}
