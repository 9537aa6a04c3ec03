package org.backrelief.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.backrelief.infra.BackReliefServices.Service;
import org.junit.jupiter.api.Test;

class BackReliefServicesTest {

    private final BackReliefServices services = new BackReliefServices(new BackReliefServices.Wiring(Path.of("."),
            "127.0.0.1:9092", "mongodb://127.0.0.1:27017", Path.of("publicKey.pem"), "issuer", Path.of("logs"),
            BackReliefServices.defaultJvmOptions()), Map.of());

    @Test
    void aServiceWithoutOwnOptionsGetsTheSharedOnes() {
        assertThat(services.jvmOptions(Service.CATALOG)).isEqualTo(BackReliefServices.defaultJvmOptions());
    }

    @Test
    void theTrackersOwnHeapComesAfterTheSharedOneSoTheJvmUsesIt() {
        List<String> options = services.jvmOptions(Service.TRACKING);
        // the JVM takes the last -Xmx it is given
        assertThat(options.stream().filter(option -> option.startsWith("-Xmx")).reduce((first, last) -> last))
                .contains("-Xmx144m");
        assertThat(options.stream().filter(option -> option.startsWith("-Xms")).reduce((first, last) -> last))
                .as("room for an old generation beside the 64 MiB young one").contains("-Xms80m");
        assertThat(options).startsWith(BackReliefServices.defaultJvmOptions().toArray(String[]::new)).contains("-Xmn48m")
                .as("the tracker's hot path compiled sooner").contains("-XX:CompileThresholdScaling=0.2");
        assertThat(services.jvmOptions(Service.PLANNER)).noneMatch(option -> option.startsWith("-XX:CompileThresholdScaling"));
    }

    @Test
    void theGatewayRunsTheFullJitBecauseItsOwnOptionComesAfterTheSharedC1OnlyOne() {
        List<String> options = services.jvmOptions(Service.GATEWAY);
        // the JVM takes the last -XX:TieredStopAtLevel it is given
        assertThat(options.stream().filter(option -> option.startsWith("-XX:TieredStopAtLevel="))
                .reduce((first, last) -> last)).contains("-XX:TieredStopAtLevel=4");
        assertThat(services.jvmOptions(Service.PLANNER)).contains("-XX:TieredStopAtLevel=1")
                .doesNotContain("-XX:TieredStopAtLevel=4");
    }
}
