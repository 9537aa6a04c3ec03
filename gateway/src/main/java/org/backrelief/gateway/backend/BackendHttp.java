package org.backrelief.gateway.backend;

import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * A keep-alive connection pool to one backend and a minimal request API on it. The gateway relays bytes, so it talks
 * to the backends through the Vert.x HTTP client directly: the MicroProfile REST client's per-call machinery (handler
 * chain, filters, entity providers, a worker-thread hop for response filters) cost more CPU than the relay itself.
 * Everything stays on the event loop.
 */
public final class BackendHttp {

    private final HttpClient client;
    private final String host;
    private final int port;
    private final boolean ssl;
    private final String basePath;
    private final long idleTimeoutMs;

    /**
     * @param base the backend's base URL, e.g. {@code http://catalog-service:8081}
     * @param idleTimeoutMs a backstop: a request whose connection stays silent this long fails (the guard's timeouts
     *        are shorter)
     */
    public BackendHttp(Vertx vertx, URI base, int connectTimeoutMs, long idleTimeoutMs, int poolSize) {
        this.ssl = "https".equalsIgnoreCase(base.getScheme());
        this.host = base.getHost();
        this.port = base.getPort() > 0 ? base.getPort() : ssl ? 443 : 80;
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.idleTimeoutMs = idleTimeoutMs;
        HttpClientOptions options = new HttpClientOptions()
                .setKeepAlive(true)
                .setPipelining(false)
                .setConnectTimeout(connectTimeoutMs)
                .setDecompressionSupported(false)
                .setSsl(ssl)
                .setName("backend-" + host);
        this.client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(poolSize));
    }

    public Request request(HttpMethod method, String path) {
        return new Request(method, basePath + path);
    }

    /** One request; null header values are not sent. */
    public final class Request {

        private final RequestOptions options = new RequestOptions();
        private final MultiMap headers = HttpHeaders.headers();
        private String uri;
        private Buffer body;

        Request(HttpMethod method, String uri) {
            this.uri = uri;
            options.setMethod(method).setHost(host).setPort(port).setSsl(ssl).setIdleTimeout(idleTimeoutMs);
        }

        /** Appends the client's query string as it came (still encoded); null or empty adds nothing. */
        public Request rawQuery(String query) {
            if (query != null && !query.isEmpty()) {
                uri = uri + '?' + query;
            }
            return this;
        }

        public Request header(CharSequence name, String value) {
            if (value != null) {
                headers.set(name, value);
            }
            return this;
        }

        public Request accept(String mediaType) {
            return header(HttpHeaders.ACCEPT, mediaType);
        }

        /** A JSON body; null or empty sends none. */
        public Request jsonBody(byte[] json) {
            if (json != null && json.length > 0) {
                body = Buffer.buffer(json);
                headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
            }
            return this;
        }

        /** A body as the client sent it, with its content type; null or empty sends none. */
        public Request body(Buffer bytes, String contentType) {
            if (bytes != null && bytes.length() > 0) {
                body = bytes;
                headers.set(HttpHeaders.CONTENT_TYPE, contentType != null ? contentType : "application/json");
            }
            return this;
        }

        public Uni<BackendAnswer> send(ForwardedHeaders forwarded) {
            forwarded.applyTo(headers);
            options.setURI(uri).setHeaders(headers);
            return Uni.createFrom().emitter(emitter -> {
                // a call ended early (timeout, client gone) resets its request, which closes the connection
                AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
                AtomicBoolean terminated = new AtomicBoolean();
                emitter.onTermination(() -> {
                    terminated.set(true);
                    HttpClientRequest request = sent.getAndSet(null);
                    if (request != null) {
                        request.reset();
                    }
                });
                client.request(options).onComplete(requested -> {
                    if (requested.failed()) {
                        emitter.fail(requested.cause());
                        return;
                    }
                    HttpClientRequest request = requested.result();
                    sent.set(request);
                    if (terminated.get() && sent.getAndSet(null) != null) {
                        request.reset();
                        return;
                    }
                    (body == null ? request.send() : request.send(body))
                            .compose(response -> response.body()
                                    .map(bytes -> new BackendAnswer(response.statusCode(), response.headers(), bytes)))
                            .onComplete(answered -> {
                                sent.set(null);
                                if (answered.succeeded()) {
                                    emitter.complete(answered.result());
                                } else {
                                    emitter.fail(answered.cause());
                                }
                            });
                });
            });
        }
    }
}
