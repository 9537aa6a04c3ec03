package org.backrelief.bench.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.backrelief.common.domain.Phase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Exercise ids per phase, read from the catalog's content files, so benchmark events name real exercises (the
 * tracker's per-exercise statistics then have the real cardinality).
 */
public final class ExerciseCatalog {

    private final Map<Phase, List<String>> byPhase;

    private ExerciseCatalog(Map<Phase, List<String>> byPhase) {
        this.byPhase = byPhase;
    }

    public static ExerciseCatalog fromRepository(Path repositoryRoot) {
        Path dir = repositoryRoot.resolve("catalog-service/src/main/resources/content/exercises");
        Map<Phase, List<String>> byPhase = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            byPhase.put(phase, new ArrayList<>());
        }
        ObjectMapper json = new ObjectMapper();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    JsonNode exercise = json.readTree(file.toFile());
                    for (JsonNode phase : exercise.path("phases")) {
                        byPhase.get(Phase.valueOf(phase.path("phase").asText())).add(exercise.path("id").asText());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the catalog content in " + dir, e);
            }
        }
        // without content files (a partial checkout), made-up ids keep the payload shape realistic
        byPhase.forEach((phase, ids) -> {
            if (ids.isEmpty()) {
                for (int i = 0; i < 6; i++) {
                    ids.add(phase.name().toLowerCase().replace('_', '-') + "-exercise-" + i);
                }
            }
        });
        return new ExerciseCatalog(byPhase);
    }

    public List<String> ids(Phase phase) {
        return byPhase.get(phase);
    }
}
