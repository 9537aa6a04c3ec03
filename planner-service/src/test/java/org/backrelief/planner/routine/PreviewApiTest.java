package org.backrelief.planner.routine;

import static org.backrelief.planner.testsupport.Api.anonymous;
import static org.backrelief.planner.testsupport.Api.profile;
import static org.backrelief.planner.testsupport.Api.with;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class PreviewApiTest {

    static final String PREVIEW = "/api/v1/routines/preview";

    @Test
    void anyoneCanPreviewFivePhasesInOrderWithinTheRequestedTime() {
        anonymous().body(profile()).post(PREVIEW).then().statusCode(200)
                .body("status", equalTo("READY"))
                .body("routine.phases.phase",
                        contains("WARM_UP", "STRENGTHENING", "STRETCHING", "LOW_IMPACT_CARDIO", "COOL_DOWN"))
                .body("routine.estimatedSeconds", both(greaterThanOrEqualTo(1620)).and(lessThanOrEqualTo(1980)))
                .body("routine.cautions", hasSize(4))
                .body("routine.phases[0].exercises.why", everyItem(not(emptyOrNullString())))
                .body("routine.phases[1].exercises.prescription.summary", everyItem(not(emptyOrNullString())))
                .body("routine.phases.estimatedSeconds", everyItem(greaterThanOrEqualTo(60)));
    }

    @Test
    void theSameDayGivesTheSameRoutineAndTheNextDayADifferentOne() {
        String day0 = anonymous().body(with(profile(), "day", 0)).post(PREVIEW).then().statusCode(200)
                .extract().jsonPath().getString("routine.phases.exercises.exerciseId");
        String again = anonymous().body(with(profile(), "day", 0)).post(PREVIEW).then().statusCode(200)
                .extract().jsonPath().getString("routine.phases.exercises.exerciseId");
        String day1 = anonymous().body(with(profile(), "day", 1)).post(PREVIEW).then().statusCode(200)
                .extract().jsonPath().getString("routine.phases.exercises.exerciseId");
        org.assertj.core.api.Assertions.assertThat(again).isEqualTo(day0);
        org.assertj.core.api.Assertions.assertThat(day1).isNotEqualTo(day0);
    }

    @Test
    void redFlagsGiveNoRoutineAtAllButAClearReason() {
        anonymous().body(with(profile(), "redFlags", Map.of("saddleNumbness", true, "clearedByClinician", true)))
                .post(PREVIEW).then().statusCode(200)
                .body("status", equalTo("BLOCKED"))
                .body("blocked.reason", equalTo("URGENT_CARE"))
                .body("blocked.flags", contains("SADDLE_NUMBNESS"))
                .body("blocked.message", containsString("urgent care"))
                .body("routine", nullValue());
        anonymous().body(with(profile(), "redFlags", Map.of("fever", true))).post(PREVIEW).then().statusCode(200)
                .body("blocked.reason", equalTo("SEE_CLINICIAN"))
                .body("routine", nullValue());
        anonymous().body(with(profile(), "redFlags", Map.of("fever", true, "clearedByClinician", true)))
                .post(PREVIEW).then().statusCode(200).body("status", equalTo("READY"));
    }

    @Test
    void aPreviewWithoutTheRedFlagAnswersIsRefusedNamingTheFieldAndAllNoIsFine() {
        // issue 14: the anonymous preview used to answer a full routine to "redFlags": null
        field(anonymous().body(with(profile(), "redFlags", null)).post(PREVIEW).then(), "redFlags");
        Map<String, Object> withoutScreen = new java.util.HashMap<>(profile());
        withoutScreen.remove("redFlags");
        field(anonymous().body(withoutScreen).post(PREVIEW).then(), "redFlags");
        Map<String, Object> allNo = new java.util.HashMap<>();
        for (String sign : List.of("saddleNumbness", "newBladderOrBowelProblems", "progressiveLegWeaknessOrNumbness",
                "historyOfCancer", "unexplainedWeightLoss", "fever", "recentSignificantTrauma", "nightOrRestPain")) {
            allNo.put(sign, false);
        }
        anonymous().body(with(profile(), "redFlags", allNo)).post(PREVIEW).then().statusCode(200)
                .body("status", equalTo("READY"));
    }

    @Test
    void theWarmUpStartsWithMovementAndTheDoctorNoticeShowsUntilTheProfileSaysChecked() {
        // issue 14: a beginner's 30-minute preview used to start with a 15 s-per-side seated reach (stretching cold)
        var routine = anonymous().body(profile()).post(PREVIEW).then().statusCode(200).extract().jsonPath();
        String first = routine.getString("routine.phases[0].exercises[0].exerciseId");
        org.assertj.core.api.Assertions.assertThat(first)
                .isIn("walking-in-place", "jogging-in-place", "walking", "treadmill-walking", "stationary-bike",
                        "butt-kicks", "high-knees", "shoulder-rolls", "alternating-arm-circles");
        routine.getList("routine.phases[1].exercises.consultDoctorFirst", Boolean.class)
                .forEach(flag -> org.assertj.core.api.Assertions.assertThat(flag).isTrue());
        anonymous().body(profile()).post(PREVIEW).then().statusCode(200)
                .body("routine.notices.code", contains("DOCTOR_CHECK_BEFORE_STRENGTHENING"))
                .body("routine.phases[1].exercises.prescription.doseSource", everyItem(not(emptyOrNullString())));
        anonymous().body(with(profile(), "doctorCheckedStrengthening", true)).post(PREVIEW).then().statusCode(200)
                .body("routine.notices", hasSize(0));
    }

    @Test
    void painOfSevenOrMoreGivesAGentleRoutineWithAdvice() {
        anonymous().body(with(profile(), "currentPain", 8)).post(PREVIEW).then().statusCode(200)
                .body("status", equalTo("GENTLE_ONLY"))
                .body("message", containsString("8/10"))
                .body("routine.mode", equalTo("GENTLE"))
                .body("routine.phases[1].exercises", hasSize(0))
                .body("routine.phases[3].exercises", hasSize(0))
                .body("routine.advice", not(hasSize(0)));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        field(anonymous().body(with(profile(), "currentPain", 11)).post(PREVIEW).then(), "currentPain");
        field(anonymous().body(with(profile(), "minutesPerSession", 5)).post(PREVIEW).then(), "minutesPerSession");
        field(anonymous().body(with(profile(), "minutesPerSession", -30)).post(PREVIEW).then(), "minutesPerSession");
        field(anonymous().body(with(profile(), "level", "EXPERT")).post(PREVIEW).then(), "level");
        field(anonymous().body(with(profile(), "zoneId", "Mars/Olympus_Mons")).post(PREVIEW).then(), "zoneId");
        field(anonymous().body(with(profile(), "avoidPositions", List.of("CEILING"))).post(PREVIEW).then(),
                "avoidPositions[0]");
        // operator injection: a query operator where a value belongs, or as an extra key
        field(anonymous().body(with(profile(), "level", Map.of("$ne", "BEGINNER"))).post(PREVIEW).then(), "level");
        field(anonymous().body(with(profile(), "$where", "sleep(1000)")).post(PREVIEW).then(), "$where");
        anonymous().body("{\"level\": \"BEGINNER\",").post(PREVIEW).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aProfileThatLeavesNoWarmUpIsRefusedWithTheFieldToChange() {
        anonymous().body(with(profile(), "avoidPositions", List.of("FLOOR", "STANDING", "SEATED"))).post(PREVIEW)
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/no-suitable-exercises"))
                .body("violations.field", hasItem("avoidPositions"));
    }

    static void field(ValidatableResponse response, String field) {
        response.statusCode(400).contentType("application/problem+json").body("violations.field", hasItem(field));
    }
}
