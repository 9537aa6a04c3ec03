package org.backrelief.gateway.backend;

import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Guarded calls to tracking-service (see {@link BackendGuard}): a timeout, a concurrency limit and a circuit breaker on
 * every call, retries for idempotent reads only. Settings: {@code backrelief.backend.guard.*}.
 */
@Singleton
public class TrackingBackend {

    private final BackendGuard guard;

    @Inject
    public TrackingBackend(GuardConfig config, Vertx vertx, MeterRegistry registry) {
        this.guard = new BackendGuard(Backend.TRACKING, config, new VertxTimers(vertx), System::nanoTime, registry);
    }

    public Uni<BackendAnswer> read(Supplier<Uni<BackendAnswer>> call) {
        return guard.read(call);
    }

    public Uni<BackendAnswer> write(Supplier<Uni<BackendAnswer>> call) {
        return guard.write(call);
    }
}
