package org.backrelief.gateway.backend;

import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The metrics every {@link Guard} keeps per backend, whichever implementation:
 * {@code backrelief_gateway_backend_calls_total{backend,outcome}} and
 * {@code backrelief_gateway_backend_circuit_open{backend}}. Registered once: counting a call is one adder increment.
 */
final class GuardMetrics {

    final Counter succeeded;
    final Counter failed;
    final Counter timedOut;
    final Counter refused;
    final Counter retried;

    GuardMetrics(Backend backend, MeterRegistry registry, BooleanSupplier circuitClosed) {
        this.succeeded = counter(registry, backend, "success");
        this.failed = counter(registry, backend, "failure");
        this.timedOut = counter(registry, backend, "timeout");
        this.refused = counter(registry, backend, "refused");
        this.retried = counter(registry, backend, "retry");
        Gauge.builder("backrelief.gateway.backend.circuit.open", circuitClosed, closed -> closed.getAsBoolean() ? 0 : 1)
                .description("1 while the circuit to the backend is open or half-open")
                .tag("backend", backend.serviceName()).register(registry);
    }

    private static Counter counter(MeterRegistry registry, Backend backend, String outcome) {
        return Counter.builder("backrelief.gateway.backend.calls").description("Calls to a backend by outcome")
                .tag("backend", backend.serviceName()).tag("outcome", outcome).register(registry);
    }
}
