package org.backrelief.planner.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.backrelief.planner.catalog.CatalogExercise;
import org.backrelief.planner.catalog.CatalogSnapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The real catalog content (catalog-service's content files, read from the file system), as the catalog would
 * serve it. Tests compose from this, never from made-up exercises.
 */
public final class CatalogContent {

    public static final Instant UPDATED_AT = Instant.parse("2025-01-01T00:00:00Z");
    public static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());

    private static List<ObjectNode> served;
    private static CatalogSnapshot snapshot;

    private CatalogContent() {
    }

    public static Path directory() {
        for (String candidate : List.of("../catalog-service/src/main/resources/content",
                "catalog-service/src/main/resources/content")) {
            Path path = Path.of(candidate);
            if (Files.isDirectory(path.resolve("exercises"))) {
                return path;
            }
        }
        throw new IllegalStateException("catalog content not found from " + Path.of("").toAbsolutePath());
    }

    /** Each exercise file plus version 1, deleted false and updatedAt: the catalog's wire format. */
    public static synchronized List<ObjectNode> servedJson() {
        if (served == null) {
            List<ObjectNode> list = new ArrayList<>();
            try (Stream<Path> files = Files.list(directory().resolve("exercises"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    ObjectNode node = (ObjectNode) MAPPER.readTree(file.toFile());
                    node.put("version", 1L);
                    node.put("deleted", false);
                    node.put("updatedAt", UPDATED_AT.toString());
                    list.add(node);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            served = List.copyOf(list);
        }
        return served;
    }

    public static synchronized List<CatalogExercise> exercises() {
        List<CatalogExercise> list = new ArrayList<>();
        for (ObjectNode node : servedJson()) {
            list.add(MAPPER.convertValue(node, CatalogExercise.class));
        }
        return list;
    }

    public static synchronized CatalogSnapshot snapshot() {
        if (snapshot == null) {
            snapshot = CatalogSnapshot.of(exercises(), UPDATED_AT);
        }
        return snapshot;
    }
}
