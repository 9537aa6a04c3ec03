package org.backrelief.local;

import org.backrelief.infra.BackReliefServices.Service;

/** What {@code ./run.sh restart|start|stop <target>} may name: a service, or the embedded Kafka broker. */
final class ControlTarget {

    static final String KNOWN = "gateway, catalog, planner, tracking or kafka";

    private ControlTarget() {
    }

    static boolean isKafka(String name) {
        return "kafka".equalsIgnoreCase(name);
    }

    static Service service(String name) {
        return Service.named(name).orElseThrow(() -> new IllegalStateException("Unknown service '" + name + "'; use "
                + KNOWN));
    }
}
