package org.backrelief.planner.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for catalog-service (another service, not under test here): {@code GET /api/v1/exercises} with paging,
 * serving the real content files in the catalog's wire format. It can be taken down (503) and can serve a changed
 * exercise, to test the cold-cache 503 and the change events, also like a replica that has not caught up with a write
 * yet (catalog-service's read model lags another replica's write by up to about a second).
 */
public final class CatalogStub {

    private static CatalogStub instance;

    private final HttpServer server;
    private final Map<String, ObjectNode> overrides = new ConcurrentHashMap<>();
    private final Map<String, Lagging> lagging = new ConcurrentHashMap<>();
    private volatile boolean up = true;

    private CatalogStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/exercises", this::exercises);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public static synchronized CatalogStub get() {
        if (instance == null) {
            instance = new CatalogStub();
        }
        return instance;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void up() {
        up = true;
    }

    public void down() {
        up = false;
    }

    /** Serve {@code exercise} (a content file with version etc.) instead of the file of the same id. */
    public void override(ObjectNode exercise) {
        overrides.put(exercise.get("id").asText(), exercise);
    }

    /**
     * Like {@link #override}, but the next {@code staleListings} listings (requests of page 0; the content fits one
     * page) still serve what was served before: a replica that has not caught up with the write yet.
     */
    public void overrideLagging(ObjectNode exercise, int staleListings) {
        String id = exercise.get("id").asText();
        ObjectNode previous = overrides.get(id);
        if (previous == null) {
            previous = CatalogContent.servedJson().stream().filter(n -> n.get("id").asText().equals(id)).findFirst()
                    .orElse(null);
        }
        lagging.put(id, new Lagging(previous, new AtomicInteger(staleListings)));
        overrides.put(id, exercise);
    }

    /** Listings still to be served stale for {@code id} (0 once caught up). */
    public int staleListingsLeft(String id) {
        Lagging lag = lagging.get(id);
        return lag == null ? 0 : Math.max(0, lag.staleListings().get());
    }

    private record Lagging(ObjectNode previous, AtomicInteger staleListings) {
    }

    private void exercises(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!up) {
                send(exchange, 503, "{\"status\":503,\"title\":\"Service unavailable\"}");
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI());
            int page = Integer.parseInt(query.getOrDefault("page", "0"));
            int size = Math.min(100, Integer.parseInt(query.getOrDefault("size", "20")));
            Map<String, ObjectNode> stale = new HashMap<>();
            if (page == 0) {
                lagging.forEach((id, lag) -> {
                    if (lag.staleListings().getAndUpdate(n -> Math.max(0, n - 1)) > 0 && lag.previous() != null) {
                        stale.put(id, lag.previous());
                    }
                });
            }
            List<ObjectNode> all = new ArrayList<>();
            for (ObjectNode node : CatalogContent.servedJson()) {
                String id = node.get("id").asText();
                all.add(stale.getOrDefault(id, overrides.getOrDefault(id, node)));
            }
            ObjectNode body = CatalogContent.MAPPER.createObjectNode();
            ArrayNode items = body.putArray("items");
            for (int i = page * size; i < Math.min(all.size(), (page + 1) * size); i++) {
                items.add(all.get(i));
            }
            body.put("page", page).put("size", size).put("total", all.size());
            send(exchange, 200, CatalogContent.MAPPER.writeValueAsString(body));
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return query;
    }
}
