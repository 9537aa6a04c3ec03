package org.backrelief.planner.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backrelief.planner.testsupport.Api.newUser;
import static org.backrelief.planner.testsupport.Api.planFor;
import static org.backrelief.planner.testsupport.Api.profile;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.backrelief.testing.mongo.MongoCommands.Command;
import org.backrelief.testing.mongo.MongoCommands.Measured;
import org.backrelief.planner.checkin.CheckInRequest;
import org.backrelief.planner.checkin.CheckInService;
import org.backrelief.planner.completion.CompletionRequest;
import org.backrelief.planner.completion.CompletionService;
import org.backrelief.planner.completion.CompletionView;
import org.backrelief.planner.plan.CreatePlanRequest;
import org.backrelief.planner.plan.PlanService;
import org.backrelief.planner.plan.PlanView;
import org.backrelief.planner.plan.SessionView;
import org.backrelief.planner.testsupport.Api;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Each hot operation against its budget in {@link QueryBudgets}, counted at the driver over the real Mongo-protocol
 * server: adding a round trip to any of them fails here.
 */
@QuarkusTest
class QueryBudgetTest {

    private static final Logger LOG = Logger.getLogger(QueryBudgetTest.class);

    @Inject
    PlannerMongoCommands mongo;
    @Inject
    PlanService plans;
    @Inject
    CompletionService completions;
    @Inject
    CheckInService checkIns;
    @Inject
    ObjectMapper mapper;

    @Test
    void creatingAProgramStaysWithinItsBudget() {
        String user = newUser("budget-create");
        planFor(user, profile(), Map.of());

        Measured<PlanView> created = mongo.during(() -> plans.create(user, new CreatePlanRequest(2, null)));

        assertThat(created.result().sessions()).hasSize(6);
        within("program creation", created.commands(), QueryBudgets.PROGRAM_CREATION);
    }

    @Test
    void theNextSessionStaysWithinItsBudget() {
        String user = newUser("budget-next");
        planFor(user, profile(), Map.of());

        Measured<SessionView> next = mongo.during(() -> plans.next(user));

        assertThat(next.result().today().routine()).isNotNull();
        within("next session", next.commands(), QueryBudgets.NEXT_SESSION);
    }

    @Test
    void completingASessionStaysWithinItsBudget() {
        String user = newUser("budget-complete");
        String sessionId = planFor(user, profile(), Map.of()).getString("sessions[0].sessionId");
        CompletionRequest request = request(user, sessionId, 2, 2);

        Measured<CompletionView> done = mongo.during(() -> completions.complete(user, sessionId, request));
        assertThat(done.result().decision()).isEqualTo("PROGRESS");
        within("completion", done.commands(), QueryBudgets.COMPLETION);

        Measured<CompletionView> retried = mongo.during(() -> completions.complete(user, sessionId, request));
        assertThat(retried.result().eventId()).isEqualTo(done.result().eventId());
        within("retried completion", retried.commands(), QueryBudgets.COMPLETION_RETRY);
    }

    @Test
    void aCompletionThatStepsBackStaysWithinItsBudget() {
        String user = newUser("budget-step-back");
        String sessionId = planFor(user, profile(), Map.of()).getString("sessions[0].sessionId");
        CompletionRequest request = request(user, sessionId, 2, 8);

        Measured<CompletionView> done = mongo.during(() -> completions.complete(user, sessionId, request));

        assertThat(done.result().decision()).isEqualTo("STEP_BACK");
        within("completion that steps back", done.commands(),
                QueryBudgets.COMPLETION + QueryBudgets.RECOMPOSING);
    }

    @Test
    void aCheckInStaysWithinItsBudget() {
        String user = newUser("budget-checkin");
        String sessionId = planFor(user, profile(), Map.of()).getString("sessions[0].sessionId");
        completions.complete(user, sessionId, request(user, sessionId, 2, 2));

        List<Command> commands = mongo.during(() -> checkIns.checkIn(user, new CheckInRequest(3, null, null, null))).commands();

        within("check-in", commands, QueryBudgets.CHECK_IN + QueryBudgets.RECOMPOSING);
    }

    private CompletionRequest request(String user, String sessionId, int painBefore, int painAfter) {
        return mapper.convertValue(Api.completion(user, sessionId, painBefore, painAfter),
                CompletionRequest.class);
    }

    private static void within(String operation, List<Command> commands, int budget) {
        LOG.infof("%s: %d MongoDB round trips (budget %d): %s", operation, commands.size(), budget, commands);
        assertThat(commands).as("%s: MongoDB commands (budget %d)", operation, budget).hasSizeLessThanOrEqualTo(budget);
    }
}
