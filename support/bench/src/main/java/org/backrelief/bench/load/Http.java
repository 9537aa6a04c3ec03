package org.backrelief.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load generator's HTTP client: HTTP/1.1 over loopback, keep-alive connections, a fixed pool of client threads.
 */
public final class Http implements AutoCloseable {

    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final ExecutorService executor;
    private final HttpClient client;

    public Http(int threads) {
        AtomicInteger counter = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "http-client-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(executor).build();
    }

    public static HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    public static HttpRequest get(String url, String token) {
        return request(url, token).GET().build();
    }

    public static HttpRequest post(String url, String token, String json) {
        return request(url, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    public static HttpRequest put(String url, String token, String json) {
        return request(url, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** Sends and returns the response; a transport failure becomes status 0 with the message as body. */
    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Response(0, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(0, "interrupted");
        }
    }

    /** Like {@link #send} but fails on anything but 2xx: for setup steps, where an error makes the run pointless. */
    public Response expectOk(HttpRequest request, String what) {
        Response response = send(request);
        if (!response.ok()) {
            throw new IllegalStateException(what + " failed: " + request.method() + " " + request.uri() + " -> HTTP "
                    + response.status() + " " + abbreviate(response.body(), 400));
        }
        return response;
    }

    public record Response(int status, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public static String abbreviate(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= max ? flat : flat.substring(0, max) + "...";
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
