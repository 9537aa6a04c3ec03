package org.backrelief.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SectionTest {

    @Test
    void findReturnsTheMetricAMeasurementCreatedAndNeverCreatesOne() {
        Section section = new Section("s", "section");
        Metric measured = section.metric("s.p99", "p99", "ms").add(4);

        assertThat(section.find("s.p99")).containsSame(measured);
        assertThat(section.find("s.missing")).isEmpty();
        assertThat(section.metrics()).containsExactly(measured);
    }
}
