package org.backrelief.gateway.backend;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;

/**
 * One {@link Guard} per backend (a timeout, a concurrency limit and a circuit breaker on every call, retries
 * for idempotent reads only; settings {@code backrelief.backend.guard.*}), so one backend's outage never opens
 * another's breaker.
 */
@Singleton
public class BackendGuards {

    @Produces
    @Singleton
    @Guarding(Backend.CATALOG)
    Guard catalog(BackendConfig config, Vertx vertx, MeterRegistry registry) {
        return guard(Backend.CATALOG, config.guard(), vertx, registry);
    }

    @Produces
    @Singleton
    @Guarding(Backend.PLANNER)
    Guard planner(BackendConfig config, Vertx vertx, MeterRegistry registry) {
        return guard(Backend.PLANNER, config.guard(), vertx, registry);
    }

    @Produces
    @Singleton
    @Guarding(Backend.TRACKING)
    Guard tracking(BackendConfig config, Vertx vertx, MeterRegistry registry) {
        return guard(Backend.TRACKING, config.guard(), vertx, registry);
    }

    private static Guard guard(Backend backend, GuardConfig config, Vertx vertx, MeterRegistry registry) {
        return switch (config.implementation()) {
            case HAND_WRITTEN -> new BackendGuard(backend, config, new VertxTimers(vertx), System::nanoTime, registry);
            case SMALLRYE -> new LibraryGuard(backend, config, registry);
        };
    }
}
