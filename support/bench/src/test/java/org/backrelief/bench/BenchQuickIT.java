package org.backrelief.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.backrelief.infra.BackReliefServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The harness in its CI size (quick mode), run as the packaged command runs it, so it never rots. Timings are not
 * checked — they are noisy on a shared machine — only that every section was measured and reported.
 */
class BenchQuickIT {

    /** About 2–3 minutes alone on 2 cores; the limit only guards against a hang. */
    private static final long TIMEOUT_MINUTES = 10;

    @TempDir
    Path out;

    @Test
    void quickRunMeasuresAndReportsEverySection() throws Exception {
        Path root = BackReliefServices.findRepositoryRoot(Path.of(System.getProperty("backrelief.repository.root", "")));
        Path jar = Path.of(System.getProperty("bench.jar", root.resolve("support/bench/target/backrelief-bench.jar").toString()));
        assertThat(jar).as("the packaged harness").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx1g", "-XX:+UseParallelGC", "-Dbackrelief.repository.root=" + root, "-jar", jar.toString(),
                "--quick", "--out=" + out));
        Path console = out.resolve("console.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile()).start();
        boolean finished = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        String output = read(console);
        assertThat(finished).as("quick run finished within %d minutes; output:%n%s", TIMEOUT_MINUTES, output).isTrue();
        assertThat(process.exitValue()).as("exit code; output:%n%s", output).isZero();
        assertThat(output).contains("BackRelief benchmark (quick)", "Results: ");

        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(results.path("meta").path("config").path("mode").asText()).isEqualTo("quick");
        for (String id : Bench.SECTION_IDS) {
            JsonNode section = results.path("sections").path(id);
            assertThat(section.isMissingNode()).as("section %s present", id).isFalse();
            assertThat(section.path("outcome").asText()).as("section %s outcome (%s)", id, section.path("error").asText())
                    .isEqualTo("COMPLETED");
            int measured = 0;
            for (JsonNode metric : section.path("metrics")) {
                boolean hasSamples = metric.path("samples").size() > 0;
                measured += hasSamples ? 1 : 0;
                if (metric.hasNonNull("target")) {
                    // a figure with a target is always measured (figures without one, e.g. CPU per event, may be
                    // too small to resolve at this size)
                    assertThat(hasSamples).as("%s/%s measured", id, metric.path("id").asText()).isTrue();
                }
            }
            assertThat(measured).as("section %s has measured figures", id).isPositive();
        }
        assertThat(results.path("checks").size()).as("targets checked").isGreaterThanOrEqualTo(8);
        for (JsonNode check : results.path("checks")) {
            assertThat(check.path("status").asText()).isIn("PASS", "MISS");
        }
        // no JVM of this run (services are marked with the output folder, Kafka/MongoDB use data under it) outlives it
        String marker = out.toString();
        List<String> leftovers = ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList();
        assertThat(leftovers).as("processes left behind").isEmpty();
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
