package org.backrelief.gateway;

import static org.backrelief.gateway.support.Api.PROBLEM_JSON;
import static org.backrelief.gateway.support.Api.newUser;
import static org.backrelief.gateway.support.Api.token;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Rate limits: a client that sends more than its burst gets 429 problem+json with Retry-After, while other clients
 * are unaffected. The test profile limits each client to a burst of 100 and 10/s, and trusts X-Forwarded-For so
 * the test can act as several client IPs.
 */
@QuarkusTest
class RateLimitTest {

    private static final int MAX_REQUESTS = 600;
    private static final int PARALLEL = 8;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(PARALLEL);

    @TestHTTPResource("/")
    URL base;

    @AfterAll
    static void shutdown() {
        POOL.shutdownNow();
    }

    @Test
    void anonymousClientsAreLimitedPerIp() throws Exception {
        String ip = "203.0.113." + (1 + (int) (Math.random() * 250));
        Burst burst = hammer("/api/v1/phases", r -> r.header("X-Forwarded-For", ip));

        assertLimited(burst, "anonymous");
        // another client IP is served meanwhile
        HttpResponse<String> other = HTTP.send(request("/api/v1/phases", r -> r.header("X-Forwarded-For", "198.51.100.9")),
                HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode(), equalTo(200));
    }

    @Test
    void signedInUsersAreLimitedPerUser() throws Exception {
        String busy = token(newUser("busy"), "user");
        Burst burst = hammer("/api/v1/me/profile", r -> r.header("Authorization", "Bearer " + busy));

        assertLimited(burst, "user");
        // another user from the same IP is served meanwhile
        String calm = token(newUser("calm"), "user");
        HttpResponse<String> other = HTTP.send(request("/api/v1/me/profile", r -> r.header("Authorization", "Bearer " + calm)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode(), not(equalTo(429)));
    }

    private void assertLimited(Burst burst, String tier) throws Exception {
        int capacity = ConfigProvider.getConfig().getValue("backrelief.rate-limit." + tier + ".capacity", Integer.class);
        assertNotNull(burst.refused, "no 429 after " + MAX_REQUESTS + " requests");
        // the burst is honoured: every request before the bucket ran dry passed
        assertThat(burst.allowed, greaterThanOrEqualTo(capacity));
        assertThat(burst.refused.headers().firstValue("Content-Type").orElse(""), equalTo(PROBLEM_JSON));
        long retryAfter = Long.parseLong(burst.refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter, greaterThanOrEqualTo(1L));
        assertThat(retryAfter, lessThanOrEqualTo(60L));
        JsonNode problem = new ObjectMapper().readTree(burst.refused.body());
        assertThat(problem.path("status").asInt(), equalTo(429));
        assertThat(problem.path("type").asText(), equalTo("https://backrelief.org/problems/too-many-requests"));
        assertThat(problem.get("requestId"), notNullValue());
    }

    /** Sends requests from several threads until the first 429 (or MAX_REQUESTS). */
    private Burst hammer(String path, UnaryOperator<HttpRequest.Builder> customize) throws Exception {
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger allowed = new AtomicInteger();
        AtomicReference<HttpResponse<String>> refused = new AtomicReference<>();
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            workers.add(POOL.submit(() -> {
                while (refused.get() == null && sent.incrementAndGet() <= MAX_REQUESTS) {
                    HttpResponse<String> response = HTTP.send(request(path, customize), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 429) {
                        refused.compareAndSet(null, response);
                    } else {
                        allowed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        return new Burst(allowed.get(), refused.get());
    }

    private HttpRequest request(String path, UnaryOperator<HttpRequest.Builder> customize) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                .timeout(Duration.ofSeconds(10)).header("Accept", "application/json");
        return customize.apply(builder).GET().build();
    }

    private record Burst(int allowed, HttpResponse<String> refused) {
    }
}
