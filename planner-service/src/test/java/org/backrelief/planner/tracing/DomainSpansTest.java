package org.backrelief.planner.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backrelief.planner.testsupport.Api.as;
import static org.backrelief.planner.testsupport.Api.completion;
import static org.backrelief.planner.testsupport.Api.completionPath;
import static org.backrelief.planner.testsupport.Api.newUser;
import static org.backrelief.planner.testsupport.Api.planFor;
import static org.backrelief.planner.testsupport.Api.profile;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * With tracing on (OTEL_SDK_DISABLED=false; the planner's tests run with it on, see {@link OtlpReceiver}), the
 * planner's domain steps are spans of their own inside the request's trace, and they reach a collector over the
 * network.
 */
@QuarkusTest
class DomainSpansTest {

    @Test
    void profilePlanCompletionAndCheckInEachExportASpanNamedForTheirStep() {
        String tess = newUser("tess");
        JsonPath plan = planFor(tess, profile(), Map.of());
        String sessionId = plan.getString("sessions[0].sessionId");
        as(tess).body(completion(tess, sessionId, 2, 2)).post(completionPath(sessionId)).then().statusCode(200);
        as(tess).body(Map.of("pain", 3)).post("/api/v1/me/checkins").then().statusCode(201);

        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(List.of(
                "ProfileService.put", "PlanService.create", "CompletionService.complete", "CheckInService.checkIn"))
                .allMatch(OtlpReceiver::received));
        // and the request spans around them
        assertThat(OtlpReceiver.received("/api/v1/me/plans")).isTrue();
    }
}
