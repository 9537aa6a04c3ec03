package org.backrelief.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    /**
     * 2,000 draws from Linux's ~28,000 ephemeral ports repeat a port dozens of times by the birthday bound, so the old
     * find (a bare bind to port 0) fails this; a reserving find never repeats.
     */
    @Test
    void neverHandsOutTheSamePortTwice() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            int port = FreePorts.find("127.0.0.1");
            assertThat(seen.add(port)).as("port %d handed out twice (call %d)", port, i).isTrue();
        }
    }

    @Test
    void theOsAloneDoesRepeatPorts() {
        // Guards the test above: it only proves something if bare probes do repeat within the same number of draws.
        Set<Integer> seen = new HashSet<>();
        int repeats = 0;
        for (int i = 0; i < 2_000; i++) {
            if (!seen.add(FreePorts.probe("127.0.0.1"))) {
                repeats++;
            }
        }
        assertThat(repeats).as("bare OS probes repeating in 2,000 draws").isPositive();
    }
}
