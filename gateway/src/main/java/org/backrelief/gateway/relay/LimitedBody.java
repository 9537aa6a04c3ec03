package org.backrelief.gateway.relay;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.ReadStream;

/**
 * The client's request body as a stream to pipe to the backend, counted as it passes: the chunk that would take it
 * past {@code maxBytes} is not passed on, the stream never ends, and {@code overLimit} runs once (the relay abandons
 * the call and answers 413). A declared Content-Length over the limit was refused before
 * ({@code edge/BodyLimit}); this catches chunked bodies, without ever holding a body whole.
 */
final class LimitedBody implements ReadStream<Buffer> {

    private final HttpServerRequest source;
    private final long maxBytes;
    private final Runnable overLimit;
    private long received;
    private boolean over;

    LimitedBody(HttpServerRequest source, long maxBytes, Runnable overLimit) {
        this.source = source;
        this.maxBytes = maxBytes;
        this.overLimit = overLimit;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        source.handler(chunk -> {
            if (over) {
                return;
            }
            received += chunk.length();
            if (received > maxBytes) {
                over = true;
                overLimit.run();
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> handler) {
        source.endHandler(handler == null ? null : v -> {
            if (!over) {
                handler.handle(v);
            }
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }
}
