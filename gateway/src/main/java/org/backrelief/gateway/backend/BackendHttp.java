package org.backrelief.gateway.backend;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.streams.ReadStream;

/**
 * A keep-alive connection pool to one backend and a minimal request API on it. The gateway relays bytes, so it talks
 * to the backends through the Vert.x HTTP client directly: the MicroProfile REST client's per-call machinery (handler
 * chain, filters, entity providers, a worker-thread hop for response filters) cost more CPU than the relay itself.
 * Everything stays on the event loop, and answers are passed on as they arrive: the relay streams a body through
 * (never aggregating it), only the composed routes read one whole.
 * <p>
 * Each event loop has a pool of its own. With one pool shared by all of them, a request taken in on one event loop
 * often went out on a connection another one owned, so its write and every chunk of the answer crossed between two
 * threads (a task queued and a wake-up each way). A pool used by one event loop only opens its connections on that
 * loop, so a relayed request stays on the thread that took it in: 0.078 ms of CPU per catalog list against 0.090 ms,
 * 0.92 of nginx's throughput against 0.84 (2 cores, wrk -c16; BENCHMARKS.md "Gateway: a pool per event loop").
 * <p>
 * An answer's body is passed on in the pieces the socket reads gave (up to {@link #MAX_CHUNK_BYTES}): in the HTTP
 * decoder's default 8 KiB slices, a 32 KiB catalog page was copied, relayed and written in four, at 0.091 ms of CPU per
 * request against 0.079 ms in one (BENCHMARKS.md "Gateway: an answer in the pieces it was read in").
 */
public final class BackendHttp {

    /** The largest piece of an answer's body passed on at once: as large as Netty's largest read (64 KiB). */
    static final int MAX_CHUNK_BYTES = 64 * 1024;

    private final Vertx vertx;
    private final HttpClientOptions options;
    private final PoolOptions pool;
    /** For callers off the event loops (none on the relay's path). */
    private final HttpClient shared;
    private final Map<Thread, HttpClient> byEventLoop = new ConcurrentHashMap<>();
    private final String host;
    private final int port;
    private final boolean ssl;
    private final String basePath;

    /**
     * @param base the backend's base URL, e.g. {@code http://catalog-service:8081}
     * @param idleTimeoutMs a connection that stays silent this long with a call on it is closed (an unused pooled one
     *        is left alone): a backstop behind the guard's (shorter) timeouts while an answer is awaited, and the only
     *        bound on an answer's body that stops coming
     * @param poolSizePerEventLoop connections to this backend at most, per event loop
     */
    public BackendHttp(Vertx vertx, URI base, int connectTimeoutMs, long idleTimeoutMs, int poolSizePerEventLoop) {
        this.vertx = vertx;
        this.ssl = "https".equalsIgnoreCase(base.getScheme());
        this.host = base.getHost();
        this.port = base.getPort() > 0 ? base.getPort() : ssl ? 443 : 80;
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.options = new HttpClientOptions()
                .setKeepAlive(true)
                .setPipelining(false)
                .setConnectTimeout(connectTimeoutMs)
                .setDecompressionSupported(false)
                .setMaxChunkSize(MAX_CHUNK_BYTES)
                // on the connection, not per request: Vert.x' request idle timeout is a timer set and cancelled for
                // every call (2.4-3.1 % of the gateway's JFR samples on the catalog list, 2026-12-07) and ends with the
                // answer's headers, so it never bounded a body that stops coming; Netty's idle check on the connection
                // bounds both, and costs a time stamp per read
                .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, idleTimeoutMs))
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setSsl(ssl)
                .setName("backend-" + host);
        this.pool = new PoolOptions().setHttp1MaxSize(poolSizePerEventLoop);
        this.shared = vertx.createHttpClient(options, pool);
    }

    /** The calling event loop's own pool (created on its first call), or the shared one off the event loops. */
    private HttpClient client() {
        if (!Context.isOnEventLoopThread()) {
            return shared;
        }
        return byEventLoop.computeIfAbsent(Thread.currentThread(), loop -> vertx.createHttpClient(options, pool));
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
        private ReadStream<Buffer> streamed;

        Request(HttpMethod method, String uri) {
            this.uri = uri;
            options.setMethod(method).setHost(host).setPort(port).setSsl(ssl);
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

        /** A body as the client sent it, with its content type; null or empty sends none. */
        public Request body(Buffer bytes, String contentType) {
            if (bytes != null && bytes.length() > 0) {
                body = bytes;
                headers.set(HttpHeaders.CONTENT_TYPE, contentType != null ? contentType : "application/json");
            }
            return this;
        }

        /**
         * A body streamed as it arrives from the client (never held whole), with its content type and declared
         * length (null: sent chunked). Such a request can be sent once only: only writes carry a body, and writes
         * are never retried.
         */
        public Request stream(ReadStream<Buffer> bytes, String contentType, String contentLength) {
            streamed = bytes;
            headers.set(HttpHeaders.CONTENT_TYPE, contentType != null ? contentType : "application/json");
            if (contentLength != null) {
                headers.set(HttpHeaders.CONTENT_LENGTH, contentLength);
            }
            return this;
        }

        /** Sends the request; the outcome gets the answer as soon as its status and headers are in, body still to come. */
        public Cancellable stream(ForwardedHeaders forwarded, Outcome<? super StreamedAnswer> outcome) {
            return start(forwarded, new InFlight(outcome, false));
        }

        /** Sends the request; the outcome gets the answer with its whole body (for the composed routes). */
        public Cancellable send(ForwardedHeaders forwarded, Outcome<? super BackendAnswer> outcome) {
            return start(forwarded, new InFlight(outcome, true));
        }

        /** {@link #send(ForwardedHeaders, Outcome)} as a {@code Uni}; cancelling abandons the call. */
        public Uni<BackendAnswer> send(ForwardedHeaders forwarded) {
            return Uni.createFrom().emitter(emitter -> {
                Cancellable call = send(forwarded, Outcome.<BackendAnswer> of(emitter));
                emitter.onTermination(call::cancel);
            });
        }

        private Cancellable start(ForwardedHeaders forwarded, InFlight call) {
            forwarded.applyTo(headers);
            options.setURI(uri).setHeaders(headers);
            client().request(options).onComplete(call);
            return call;
        }

        /**
         * One request on its way. Cancelled before its answer arrived (a timeout, the client went away), it resets the
         * request, which closes that connection; cancelled afterwards it does nothing (the relay owns the stream then).
         */
        private final class InFlight implements Cancellable, Handler<AsyncResult<HttpClientRequest>> {

            @SuppressWarnings("rawtypes")
            private final Outcome outcome;
            private final boolean whole;
            private HttpClientRequest sent;
            private boolean cancelled;
            private boolean delivered;

            InFlight(Outcome<?> outcome, boolean whole) {
                this.outcome = outcome;
                this.whole = whole;
            }

            @Override
            public void handle(AsyncResult<HttpClientRequest> requested) {
                if (requested.failed()) {
                    fail(requested.cause());
                    return;
                }
                HttpClientRequest request = requested.result();
                synchronized (this) {
                    if (cancelled) {
                        request.reset();
                        return;
                    }
                    sent = request;
                }
                Future<HttpClientResponse> response = body != null ? request.send(body)
                        : streamed != null ? request.send(streamed) : request.send();
                response.onComplete(this::responded);
            }

            private void responded(AsyncResult<HttpClientResponse> responded) {
                if (responded.failed()) {
                    fail(responded.cause());
                    return;
                }
                HttpClientResponse response = responded.result();
                if (!whole) {
                    // paused until the relay has its handlers on: a guard may pass the answer on later (the
                    // TypedGuard's Uni does), and a chunk arriving before then would be lost
                    response.pause();
                    deliver(new StreamedAnswer(response));
                    return;
                }
                response.body().onComplete(read -> {
                    if (read.failed()) {
                        fail(read.cause());
                    } else {
                        deliver(new BackendAnswer(response.statusCode(), response.headers(), read.result()));
                    }
                });
            }

            @SuppressWarnings("unchecked")
            private void deliver(Answer answer) {
                synchronized (this) {
                    if (cancelled) {
                        answer.discard();
                        return;
                    }
                    delivered = true;
                    sent = null;
                }
                outcome.answered(answer);
            }

            private void fail(Throwable failure) {
                synchronized (this) {
                    if (cancelled) {
                        return;
                    }
                    delivered = true;
                    sent = null;
                }
                outcome.failed(failure);
            }

            @Override
            public void cancel() {
                HttpClientRequest request;
                synchronized (this) {
                    if (delivered || cancelled) {
                        return;
                    }
                    cancelled = true;
                    request = sent;
                    sent = null;
                }
                if (request != null) {
                    request.reset();
                }
            }
        }
    }
}
