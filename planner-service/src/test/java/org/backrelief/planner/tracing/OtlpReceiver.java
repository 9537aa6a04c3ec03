package org.backrelief.planner.tracing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A collector over the network: an HTTP server that takes what the planner's OTLP exporter sends (http/protobuf) and
 * keeps the request bodies. Span names travel as plain UTF-8 strings inside the protobuf, so a test can look for them
 * without decoding the message. Declared for the whole test app (PlannerHealthTest): every planner test runs with
 * tracing on, as a deployment with a collector does, and no test pays for a second start of the app.
 */
public class OtlpReceiver implements QuarkusTestResourceLifecycleManager {

    private static final List<String> BODIES = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = unzipped.readAllBytes();
                }
            }
            BODIES.add(new String(body, StandardCharsets.ISO_8859_1));
            // an empty ExportTraceServiceResponse
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        String endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                "quarkus.otel.exporter.otlp.traces.endpoint", endpoint,
                // send spans within moments instead of every 5 s
                "quarkus.otel.bsp.schedule.delay", "100ms");
    }

    /** Whether any export so far carried {@code text} (a span name, an attribute value). */
    public static boolean received(String text) {
        return BODIES.stream().anyMatch(body -> body.contains(text));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
