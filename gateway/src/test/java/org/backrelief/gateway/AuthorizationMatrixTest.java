package org.backrelief.gateway;

import static org.backrelief.gateway.support.Api.newUser;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertAll;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.backrelief.gateway.support.Api;
import org.backrelief.gateway.support.Bodies;
import org.backrelief.gateway.support.Content;
import org.backrelief.gateway.support.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Every public route, called by everyone: who gets through, who is turned away, and that user A can never reach
 * user B's data. Users A and B both have a profile, a program and a completed session; the editor and the admin
 * carry only their own role.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    /** Who calls. */
    enum Caller {
        ANONYMOUS, USER_A, USER_B, EDITOR, ADMIN
    }

    /** What they get. */
    enum Outcome {
        OK(200), CREATED(201), NO_CONTENT(204), SUCCESS(-2), OWN(-3), UNAUTHORIZED(401), FORBIDDEN(403), NOT_FOUND(404);

        final int status;

        Outcome(int status) {
            this.status = status;
        }

        boolean matches(int actual) {
            return switch (this) {
                case SUCCESS -> actual >= 200 && actual < 300;
                // the caller's own data, which may not exist yet (e.g. no stats for an exercise never done)
                case OWN -> (actual >= 200 && actual < 300) || actual == 404;
                default -> actual == status;
            };
        }
    }

    private static final Outcome OK = Outcome.OK, CREATED = Outcome.CREATED, NO_CONTENT = Outcome.NO_CONTENT,
            SUCCESS = Outcome.SUCCESS, OWN = Outcome.OWN, UNAUTHORIZED = Outcome.UNAUTHORIZED,
            FORBIDDEN = Outcome.FORBIDDEN, NOT_FOUND = Outcome.NOT_FOUND;

    private final String userA = newUser("user-a");
    private final String userB = newUser("user-b");
    private final String editor = newUser("editor");
    private final String admin = newUser("admin");

    private boolean usersReady;

    /** Once per class; not in @BeforeAll, where the gateway's test URL is not set up yet. */
    @BeforeEach
    void setUpUsersOnce() {
        if (!usersReady) {
            for (String user : List.of(userA, userB)) {
                Users.onboard(user);
                Users.completeNextSession(user);
            }
            usersReady = true;
        }
    }

    static Stream<Arguments> routes() {
        return Stream.of(
                //  route                                                 anonymous     user A        user B        editor        admin
                row("GET /api/v1/exercises",                                  OK,           OK,           OK,           OK,           OK),
                row("GET /api/v1/exercises/bird-dog",                         OK,           OK,           OK,           OK,           OK),
                row("GET /api/v1/phases",                                     OK,           OK,           OK,           OK,           OK),
                row("GET /api/v1/phases/WARM_UP/exercises",                   OK,           OK,           OK,           OK,           OK),
                row("POST /api/v1/exercises {new exercise}",                  UNAUTHORIZED, FORBIDDEN,    FORBIDDEN,    CREATED,      FORBIDDEN),
                row("PUT /api/v1/exercises/{freshExercise} {changed exercise}",
                                                                              UNAUTHORIZED, FORBIDDEN,    FORBIDDEN,    OK,           FORBIDDEN),
                row("DELETE /api/v1/exercises/{freshExercise}",               UNAUTHORIZED, FORBIDDEN,    FORBIDDEN,    NO_CONTENT,   FORBIDDEN),
                row("POST /api/v1/routines/preview {preview}",                OK,           OK,           OK,           OK,           OK),
                row("GET /api/v1/me/profile",                                 UNAUTHORIZED, OK,           OK,           FORBIDDEN,    FORBIDDEN),
                row("PUT /api/v1/me/profile {profile}",                       UNAUTHORIZED, OK,           OK,           FORBIDDEN,    FORBIDDEN),
                row("POST /api/v1/me/plans {plan}",                           UNAUTHORIZED, CREATED,      CREATED,      FORBIDDEN,    FORBIDDEN),
                row("GET /api/v1/me/plans/current",                           UNAUTHORIZED, OK,           OK,           FORBIDDEN,    FORBIDDEN),
                row("GET /api/v1/me/sessions/next",                           UNAUTHORIZED, OK,           OK,           FORBIDDEN,    FORBIDDEN),
                row("GET /api/v1/me/sessions/{ownSession}",                   UNAUTHORIZED, OK,           OK,           FORBIDDEN,    FORBIDDEN),
                row("GET /api/v1/me/sessions/{sessionOfA}",                   UNAUTHORIZED, OK,           NOT_FOUND,    FORBIDDEN,    FORBIDDEN),
                row("POST /api/v1/me/sessions/{sessionOfB}/completion {completion}",
                                                                              UNAUTHORIZED, NOT_FOUND,    SUCCESS,      FORBIDDEN,    FORBIDDEN),
                row("POST /api/v1/me/checkins {check-in}",                    UNAUTHORIZED, SUCCESS,      SUCCESS,      FORBIDDEN,    FORBIDDEN),
                row("GET /api/v1/me/history",                                 UNAUTHORIZED, OK,           OK,           FORBIDDEN,    FORBIDDEN),
                row("GET /api/v1/me/history.csv",                             UNAUTHORIZED, OK,           OK,           FORBIDDEN,    FORBIDDEN),
                row("GET /api/v1/me/stats",                                   UNAUTHORIZED, OK,           OK,           FORBIDDEN,    FORBIDDEN),
                row("GET /api/v1/me/pain-trend",                              UNAUTHORIZED, OK,           OK,           FORBIDDEN,    FORBIDDEN),
                row("GET /api/v1/me/exercises/bird-dog/stats",                UNAUTHORIZED, OWN,          OWN,          FORBIDDEN,    FORBIDDEN),
                row("GET /api/v1/me/dashboard",                               UNAUTHORIZED, OK,           OK,           FORBIDDEN,    FORBIDDEN),
                row("POST /api/v1/admin/history/rebuild",                     UNAUTHORIZED, FORBIDDEN,    FORBIDDEN,    FORBIDDEN,    SUCCESS),
                row("POST /api/v1/dev/token {token request}",                 NOT_FOUND,    NOT_FOUND,    NOT_FOUND,    NOT_FOUND,    NOT_FOUND));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void everyoneGetsWhatTheirRoleAllows(String route, List<Outcome> expected) {
        List<Executable> checks = new ArrayList<>();
        for (Caller caller : Caller.values()) {
            Outcome outcome = expected.get(caller.ordinal());
            int status = call(route, caller);
            checks.add(() -> assertThat(caller + " -> " + route + " answered " + status + ", expected " + outcome,
                    outcome.matches(status)));
        }
        assertAll(route, checks);
    }

    @Test
    void userACanNeverReachUserBsData() {
        String bSession = Users.nextSession(userB).path("sessionId").asText();
        String bPlan = Api.asUser(userB).get("/api/v1/me/plans/current").then().statusCode(200).extract().path("planId");
        String bHistory = Api.asUser(userB).get("/api/v1/me/history").then().statusCode(200).extract().asString();

        Api.asUser(userA).get("/api/v1/me/sessions/" + bSession).then().statusCode(404);
        Api.asUser(userA).contentType(ContentType.JSON).body(Bodies.checkIn(1, bSession)).post("/api/v1/me/checkins")
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.equalTo(404),
                        org.hamcrest.Matchers.equalTo(400)));
        for (String path : List.of("/api/v1/me/plans/current", "/api/v1/me/history", "/api/v1/me/history.csv",
                "/api/v1/me/stats", "/api/v1/me/pain-trend", "/api/v1/me/dashboard", "/api/v1/me/sessions/next")) {
            String seenByA = Api.asUser(userA).accept(path.endsWith(".csv") ? "text/csv" : "application/json")
                    .get(path).then().extract().asString();
            assertThat(path, seenByA, not(containsString(bSession)));
            assertThat(path, seenByA, not(containsString(bPlan)));
            assertThat(path, seenByA, not(containsString(userB)));
        }
        assertThat("B's own history has content to leak", bHistory.length() > 2);
    }

    // ---- performing a route as a caller -------------------------------------------------------------------------

    private int call(String route, Caller caller) {
        String[] parts = route.split(" ", 3);
        String method = parts[0];
        String path = resolve(parts[1], caller);
        RequestSpecification request = request(caller);
        if (path.endsWith(".csv")) {
            request.accept("text/csv");
        }
        if (parts.length == 3) {
            request.contentType(ContentType.JSON).body(body(parts[2], path));
        }
        if (method.equals("PUT") && path.startsWith("/api/v1/exercises/")) {
            request.header("If-Match", etagOf(path));
        }
        return request.request(method, path).then().extract().statusCode();
    }

    private RequestSpecification request(Caller caller) {
        return switch (caller) {
            case ANONYMOUS -> Api.anonymous();
            case USER_A -> Api.asUser(userA);
            case USER_B -> Api.asUser(userB);
            case EDITOR -> Api.as(editor, "editor");
            case ADMIN -> Api.as(admin, "admin");
        };
    }

    private String resolve(String path, Caller caller) {
        Function<String, String> sessionOf = user -> Users.nextSession(user).path("sessionId").asText();
        if (path.contains("{ownSession}")) {
            String owner = caller == Caller.USER_B ? userB : userA;
            return path.replace("{ownSession}", sessionOf.apply(owner));
        }
        if (path.contains("{sessionOfA}")) {
            return path.replace("{sessionOfA}", sessionOf.apply(userA));
        }
        if (path.contains("{sessionOfB}")) {
            return path.replace("{sessionOfB}", sessionOf.apply(userB));
        }
        if (path.contains("{freshExercise}")) {
            // each caller works on an exercise of their own, so one caller's success does not change the next one's
            return path.replace("{freshExercise}", freshExercise());
        }
        return path;
    }

    private String body(String description, String path) {
        return switch (description) {
            case "{new exercise}" -> Content.newExercise("bird-dog", "gw-matrix-" + shortId());
            case "{changed exercise}" -> Content.newExercise("bird-dog", path.substring(path.lastIndexOf('/') + 1));
            case "{profile}" -> Bodies.profile();
            case "{preview}" -> Bodies.preview();
            case "{plan}" -> Bodies.newPlan();
            case "{check-in}" -> Bodies.checkIn(2, null);
            case "{completion}" -> Bodies.completion(Users.nextSession(userB));
            case "{token request}" -> "{\"subject\":\"mallory\",\"roles\":[\"admin\"]}";
            default -> throw new IllegalArgumentException(description);
        };
    }

    private String freshExercise() {
        String id = "gw-matrix-" + shortId();
        Api.as(editor, "editor").contentType(ContentType.JSON).body(Content.newExercise("bird-dog", id))
                .post("/api/v1/exercises").then().statusCode(201);
        return id;
    }

    private static String etagOf(String path) {
        return Api.anonymous().get(path).then().statusCode(200).extract().header("ETag");
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static Arguments row(String route, Outcome anonymous, Outcome userA, Outcome userB, Outcome editor,
            Outcome admin) {
        return Arguments.of(route, List.of(anonymous, userA, userB, editor, admin));
    }
}
