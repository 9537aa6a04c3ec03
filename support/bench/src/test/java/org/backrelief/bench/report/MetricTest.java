package org.backrelief.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricTest {

    @Test
    void medianAndSpreadOfRepetitions() {
        Metric metric = new Metric("m", "figure", "ms", Target.atMost(20)).add(30).add(10).add(12);
        assertThat(metric.median()).isEqualTo(12);
        assertThat(metric.min()).isEqualTo(10);
        assertThat(metric.max()).isEqualTo(30);
        assertThat(metric.spreadPercent()).isCloseTo(166.67, org.assertj.core.data.Offset.offset(0.01));
        assertThat(metric.valueText()).isEqualTo("12.0 ms (10.0–30.0)");
    }

    @Test
    void evenCountTakesTheMeanOfTheMiddleTwo() {
        assertThat(new Metric("m", "f", "", null).add(1).add(4).add(2).add(3).median()).isEqualTo(2.5);
    }

    @Test
    void statusComparesTheMedianWithTheTarget() {
        assertThat(new Metric("a", "f", "", Target.atLeast(0.7)).add(0.69).status()).isEqualTo(Status.MISS);
        assertThat(new Metric("a", "f", "", Target.atLeast(0.7)).add(0.7).status()).isEqualTo(Status.PASS);
        assertThat(new Metric("b", "f", "ms", Target.atMost(5)).add(9).add(1).add(2).status()).isEqualTo(Status.PASS);
        assertThat(new Metric("c", "f", "ms", null).add(1).status()).isEqualTo(Status.INFO);
        assertThat(new Metric("d", "f", "ms", Target.atMost(5)).status()).isEqualTo(Status.NA);
    }

    @Test
    void notANumberIsNotASample() {
        Metric metric = new Metric("m", "f", "", null).add(Double.NaN);
        assertThat(metric.samples()).isEmpty();
        assertThat(metric.valueText()).isEqualTo("n/a");
    }

    @Test
    void formatsWithThreeSignificantFigures() {
        assertThat(Metric.format(12345.6)).isEqualTo("12,346");
        assertThat(Metric.format(123.4)).isEqualTo("123");
        assertThat(Metric.format(12.34)).isEqualTo("12.3");
        assertThat(Metric.format(1.234)).isEqualTo("1.23");
        assertThat(Metric.format(0.01234)).isEqualTo("0.0123");
    }

    @Test
    void reportListsEveryTargetedFigureAsACheck() {
        Report report = new Report();
        Section section = report.section("1", "Ingest");
        section.metric("ratio", "ratio", "", Target.atLeast(0.7)).add(0.5);
        section.metric("rate", "rate", "events/s").add(1000);
        assertThat(report.checks()).hasSize(1);
        assertThat(report.checks().get(0)).containsEntry("status", Status.MISS).containsEntry("target", "≥ 0.70");
        assertThat(report.table()).contains("Ingest", "ratio", "MISS");
        assertThat(report.markdownTable()).contains("| | ratio | 0.50 | ≥ 0.70 | **MISS** |");
    }
}
