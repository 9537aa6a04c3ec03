package org.backrelief.gateway.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.impl.VertxInternal;

/** The backend pools against a real Vert.x HTTP server on a free port. */
class BackendHttpTest {

    private static final int EVENT_LOOPS = 4;
    private static final int LARGE_ANSWER_BYTES = 32 * 1024;
    private static final int IDLE_TIMEOUT_MS = 300;

    private Vertx vertx;
    private int port;

    @BeforeEach
    void startBackend() throws Exception {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(EVENT_LOOPS));
        // the backend answers with the client's port (one port is one connection), or on /large with a body the size
        // of a catalog page; on /stall it sends its headers and a first piece of body, then nothing more; on /silent
        // it never answers
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            switch (request.path()) {
                case "/stall" -> request.response().setChunked(true).write("a first piece");
                case "/silent" -> {
                }
                case "/large" -> request.response().end(Buffer.buffer(new byte[LARGE_ANSWER_BYTES]));
                default -> request.response().end(Integer.toString(request.remoteAddress().port()));
            }
        });
        port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                .actualPort();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void eachEventLoopSendsOnConnectionsOfItsOwn() throws Exception {
        BackendHttp backend = new BackendHttp(vertx, URI.create("http://127.0.0.1:" + port), 1000, 5000, 8);
        List<Context> loops = new ArrayList<>();
        for (int i = 0; i < EVENT_LOOPS; i++) {
            loops.add(((VertxInternal) vertx).createEventLoopContext()); // the event loops taken in turn
        }
        Map<String, Set<String>> portsByLoop = new ConcurrentHashMap<>();
        // one request at a time, the loops in turn: a pool shared by all loops hands each the connection the previous
        // one has just given back
        for (int round = 0; round < 3; round++) {
            for (Context loop : loops) {
                CompletableFuture<String> answered = new CompletableFuture<>();
                loop.runOnContext(v -> backend.request(HttpMethod.GET, "/").send(
                        ForwardedHeaders.of(name -> null, "test", false), new Outcome<BackendAnswer>() {
                            @Override
                            public void answered(BackendAnswer answer) {
                                portsByLoop.computeIfAbsent(Thread.currentThread().getName(), name -> new HashSet<>())
                                        .add(answer.body().toString());
                                answered.complete(answer.body().toString());
                            }

                            @Override
                            public void failed(Throwable failure) {
                                answered.completeExceptionally(failure);
                            }
                        }));
                answered.get(10, TimeUnit.SECONDS);
            }
        }
        assertThat(portsByLoop).hasSize(EVENT_LOOPS);
        List<String> ports = portsByLoop.values().stream().flatMap(Set::stream).toList();
        assertThat(ports).as("no connection used by two event loops: %s", portsByLoop).doesNotHaveDuplicates();
    }

    @Test
    void aLargeAnswerIsPassedOnInPiecesAsLargeAsTheReadsNotInEightKibSlices() throws Exception {
        BackendHttp backend = new BackendHttp(vertx, URI.create("http://127.0.0.1:" + port), 1000, 5000, 1);
        Context loop = ((VertxInternal) vertx).createEventLoopContext();
        List<Integer> pieceCounts = new ArrayList<>();
        // a few answers on the same connection: Netty's read buffer grows to the size the reads need
        for (int answer = 0; answer < 5; answer++) {
            CompletableFuture<int[]> relayed = new CompletableFuture<>();
            loop.runOnContext(v -> backend.request(HttpMethod.GET, "/large").stream(
                    ForwardedHeaders.of(name -> null, "test", false), new Outcome<StreamedAnswer>() {
                        @Override
                        public void answered(StreamedAnswer streamed) {
                            int[] piecesAndBytes = new int[2];
                            streamed.response().handler(piece -> {
                                piecesAndBytes[0]++;
                                piecesAndBytes[1] += piece.length();
                            });
                            streamed.response().endHandler(end -> relayed.complete(piecesAndBytes));
                            streamed.response().exceptionHandler(relayed::completeExceptionally);
                            streamed.response().resume();
                        }

                        @Override
                        public void failed(Throwable failure) {
                            relayed.completeExceptionally(failure);
                        }
                    }));
            int[] piecesAndBytes = relayed.get(10, TimeUnit.SECONDS);
            assertThat(piecesAndBytes[1]).isEqualTo(LARGE_ANSWER_BYTES);
            pieceCounts.add(piecesAndBytes[0]);
        }
        // with the HTTP decoder's default 8 KiB limit, every 32 KiB answer came in four pieces or more: four copies,
        // four writes to the client, four system calls
        assertThat(pieceCounts.get(pieceCounts.size() - 1)).as("pieces per answer: %s", pieceCounts).isLessThan(4);
    }

    @Test
    void anAnswerWhoseBodyStopsComingIsBrokenOffAfterTheIdleTimeout() throws Exception {
        BackendHttp backend = new BackendHttp(vertx, URI.create("http://127.0.0.1:" + port), 1000, IDLE_TIMEOUT_MS, 1);
        Context loop = ((VertxInternal) vertx).createEventLoopContext();
        CompletableFuture<Throwable> brokenOff = new CompletableFuture<>();
        long started = System.nanoTime();
        loop.runOnContext(v -> backend.request(HttpMethod.GET, "/stall").stream(
                ForwardedHeaders.of(name -> null, "test", false), new Outcome<StreamedAnswer>() {
                    @Override
                    public void answered(StreamedAnswer streamed) {
                        // the guard's timeout ended with the headers: only the connection's idle timeout is left
                        streamed.response().handler(piece -> {
                        });
                        streamed.response().endHandler(end -> brokenOff.completeExceptionally(
                                new AssertionError("the stalled body ended")));
                        streamed.response().exceptionHandler(brokenOff::complete);
                        streamed.response().resume();
                    }

                    @Override
                    public void failed(Throwable failure) {
                        brokenOff.completeExceptionally(new AssertionError("the headers did not arrive", failure));
                    }
                }));
        // a per-request idle timeout ends with the headers: the body's stall was never bounded
        assertThat(brokenOff.get(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(IDLE_TIMEOUT_MS);
    }

    @Test
    void aRequestThatIsNeverAnsweredFailsAfterTheIdleTimeout() throws Exception {
        BackendHttp backend = new BackendHttp(vertx, URI.create("http://127.0.0.1:" + port), 1000, IDLE_TIMEOUT_MS, 1);
        Context loop = ((VertxInternal) vertx).createEventLoopContext();
        CompletableFuture<Throwable> failed = new CompletableFuture<>();
        loop.runOnContext(v -> backend.request(HttpMethod.GET, "/silent").send(
                ForwardedHeaders.of(name -> null, "test", false), new Outcome<BackendAnswer>() {
                    @Override
                    public void answered(BackendAnswer answer) {
                        failed.completeExceptionally(new AssertionError("answered: " + answer.status()));
                    }

                    @Override
                    public void failed(Throwable failure) {
                        failed.complete(failure);
                    }
                }));
        assertThat(failed.get(10, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void theConnectionLimitIsSharedOutAmongTheEventLoops() {
        assertThat(BackendConnections.perEventLoop(128, 4)).isEqualTo(32);
        assertThat(BackendConnections.perEventLoop(10, 4)).isEqualTo(3);
        assertThat(BackendConnections.perEventLoop(2, 4)).isEqualTo(1);
        assertThat(BackendConnections.perEventLoop(5, 0)).isEqualTo(5);
    }
}
