package org.backrelief.bench.sections;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.backrelief.bench.api.PlannerApi;
import org.backrelief.bench.infra.Stack;
import org.backrelief.bench.load.Http;
import org.backrelief.infra.BackReliefServices.Service;

/**
 * Signed-up users made through the planner's API (directly, not through the gateway: setup is not measured): a
 * profile each and, when asked, a program and the next session with a completion ready to post.
 */
public final class Users {

    private static final int SETUP_THREADS = 8;
    private static final int SETUP_ATTEMPTS = 8;

    public record User(String subject, String token, String sessionId, String completionJson) {
    }

    private Users() {
    }

    public static List<User> create(Stack stack, String prefix, int count, boolean withSession) {
        String planner = stack.url(Service.PLANNER);
        ExecutorService pool = Executors.newFixedThreadPool(SETUP_THREADS);
        try (Http http = new Http(SETUP_THREADS)) {
            List<Future<User>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> create(http, stack, planner, prefix + index, index, withSession)));
            }
            List<User> users = new ArrayList<>(count);
            for (Future<User> future : futures) {
                users.add(future.get(5, TimeUnit.MINUTES));
            }
            return users;
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("user setup failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static User create(Http http, Stack stack, String planner, String subject, int variant, boolean withSession) {
        String token = stack.userToken(subject);
        withRetry(http, Http.put(planner + PlannerApi.PROFILE, token, PlannerApi.profileJson(variant)), "profile");
        if (!withSession) {
            return new User(subject, token, null, null);
        }
        withRetry(http, Http.post(planner + PlannerApi.PLANS, token, PlannerApi.planJson()), "program creation");
        Http.Response next = withRetry(http, Http.get(planner + PlannerApi.NEXT_SESSION, token), "next session");
        String sessionId = PlannerApi.sessionId(next.body());
        if (sessionId == null) {
            throw new IllegalStateException("no session id in the next-session answer: " + Http.abbreviate(next.body(), 300));
        }
        return new User(subject, token, sessionId, PlannerApi.completionJson(next.body()));
    }

    /**
     * Setup is not measured: a 503 (the planner sheds load when its database is slow), a 429 or a dropped connection
     * is retried with backoff; anything else fails the setup.
     */
    private static Http.Response withRetry(Http http, java.net.http.HttpRequest request, String what) {
        long backoff = 250;
        for (int attempt = 1;; attempt++) {
            Http.Response response = http.send(request);
            boolean retryable = response.status() == 503 || response.status() == 429 || response.status() == 0;
            if (!retryable || attempt == SETUP_ATTEMPTS) {
                if (!response.ok()) {
                    throw new IllegalStateException(what + " failed: " + request.method() + " " + request.uri() + " -> HTTP "
                            + response.status() + " " + Http.abbreviate(response.body(), 400));
                }
                return response;
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            backoff = Math.min(backoff * 2, 4000);
        }
    }
}
