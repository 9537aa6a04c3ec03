package org.backrelief.gateway.backend;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;

/**
 * One {@link BackendGuard} per backend (a timeout, a concurrency limit and a circuit breaker on every call, retries
 * for idempotent reads only; settings {@code backrelief.backend.guard.*}), so one backend's outage never opens
 * another's breaker.
 */
@Singleton
public class BackendGuards {

    @Produces
    @Singleton
    @Guarding(Backend.CATALOG)
    BackendGuard catalog(GuardConfig config, Vertx vertx, MeterRegistry registry) {
        return guard(Backend.CATALOG, config, vertx, registry);
    }

    @Produces
    @Singleton
    @Guarding(Backend.PLANNER)
    BackendGuard planner(GuardConfig config, Vertx vertx, MeterRegistry registry) {
        return guard(Backend.PLANNER, config, vertx, registry);
    }

    @Produces
    @Singleton
    @Guarding(Backend.TRACKING)
    BackendGuard tracking(GuardConfig config, Vertx vertx, MeterRegistry registry) {
        return guard(Backend.TRACKING, config, vertx, registry);
    }

    private static BackendGuard guard(Backend backend, GuardConfig config, Vertx vertx, MeterRegistry registry) {
        return new BackendGuard(backend, config, new VertxTimers(vertx), System::nanoTime, registry);
    }
}
