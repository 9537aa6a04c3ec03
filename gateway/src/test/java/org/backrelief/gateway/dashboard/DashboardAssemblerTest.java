package org.backrelief.gateway.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backrelief.gateway.backend.Backend;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class DashboardAssemblerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Fetched ok(Backend backend, String body) {
        return Fetched.answer(backend, 200, json(body));
    }

    @Test
    void allSectionsAvailable() {
        Dashboard dashboard = DashboardAssembler.assemble(
                ok(Backend.PLANNER, "{\"sessionId\":\"s1\",\"today\":{\"status\":\"READY\"}}"),
                ok(Backend.TRACKING, "{\"totals\":{\"sessions\":9},\"streaks\":{\"currentDays\":3,\"longestDays\":5},"
                        + "\"adherence\":{\"completed\":2,\"scheduled\":3,\"rate\":0.67,\"weeks\":[]}}"),
                ok(Backend.TRACKING, "{\"from\":\"2025-01-04\",\"to\":\"2025-01-31\",\"days\":[{\"date\":\"2025-01-31\",\"average\":3.0}]}"));

        assertTrue(dashboard.nextSession().available());
        assertEquals("s1", dashboard.nextSession().data().path("sessionId").asText());
        assertEquals(3, dashboard.streak().data().path("currentDays").asInt());
        assertEquals(5, dashboard.streak().data().path("longestDays").asInt());
        assertFalse(dashboard.streak().data().has("sessions"), "only the streaks");
        assertEquals(0.67, dashboard.weeklyAdherence().data().path("rate").asDouble());
        assertEquals(3.0, dashboard.painTrend().data().path("days").path(0).path("average").asDouble());
    }

    @Test
    void onlyTheTrackersOwnFieldNamesAreRead() {
        Fetched stats = ok(Backend.TRACKING, "{\"streak\":{\"current\":4},\"weeklyAdherence\":{\"thisWeek\":0.5}}");
        assertNull(DashboardAssembler.pick(stats, DashboardAssembler.STREAK_FIELD).data());
        assertNull(DashboardAssembler.pick(stats, DashboardAssembler.ADHERENCE_FIELD).data());
    }

    @Test
    void aMissingFieldGivesAnEmptyButAvailableSection() {
        Section section = DashboardAssembler.pick(ok(Backend.TRACKING, "{\"something\":1,\"streaks\":null}"),
                DashboardAssembler.STREAK_FIELD);
        assertTrue(section.available());
        assertNull(section.data());
    }

    @Test
    void aBackendOutageMarksOnlyItsSections() {
        Fetched down = Fetched.failed(Backend.TRACKING, "tracking-service is unavailable; try again shortly");
        Dashboard dashboard = DashboardAssembler.assemble(ok(Backend.PLANNER, "{\"sessionId\":\"s1\"}"), down, down);

        assertTrue(dashboard.nextSession().available());
        for (Section section : new Section[] { dashboard.streak(), dashboard.weeklyAdherence(), dashboard.painTrend() }) {
            assertFalse(section.available());
            assertEquals("tracking-service is unavailable; try again shortly", section.reason());
            assertNull(section.data());
        }
    }

    @Test
    void noProgramIsNotAnOutage() {
        Section next = DashboardAssembler.nextSession(Fetched.answer(Backend.PLANNER, 404, json("{\"status\":404}")));
        assertTrue(next.available());
        assertNull(next.data());
    }

    @Test
    void anUnexpectedAnswerIsReportedWithoutItsBody() {
        Section next = DashboardAssembler.nextSession(Fetched.answer(Backend.PLANNER, 400, json("{\"detail\":\"internal\"}")));
        assertFalse(next.available());
        assertEquals("planner-service answered HTTP 400", next.reason());
        Section pain = DashboardAssembler.painTrend(Fetched.answer(Backend.TRACKING, 200, null));
        assertFalse(pain.available(), "a body that is not JSON is not shown");
    }
}
