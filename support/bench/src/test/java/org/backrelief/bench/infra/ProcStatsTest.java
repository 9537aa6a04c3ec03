package org.backrelief.bench.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProcStatsTest {

    @Test
    void readsResidentMemoryFromStatus() {
        assertThat(ProcStats.parseRssKiB(List.of("Name:\tjava", "VmPeak:\t 4000000 kB", "VmRSS:\t  204800 kB")))
                .isEqualTo(204800);
    }

    @Test
    void readsUserPlusSystemTicksAfterACommandNameWithSpaces() {
        String stat = "1234 (java thread (x)) S 1 1234 1234 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 30 0 100 0 0";
        assertThat(ProcStats.parseCpuSeconds(stat)).isEqualTo(3.0);
    }

    @Test
    void thisProcessHasMemoryAndCpu() {
        long self = ProcessHandle.current().pid();
        assertThat(ProcStats.rssMiB(self)).isPositive();
        assertThat(ProcStats.cpuSeconds(self)).isPositive();
        assertThat(ProcStats.rssMiB(Long.MAX_VALUE)).isNaN();
    }
}
