package org.backrelief.catalog.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build step (exec-maven-plugin, phase process-classes): writes {@code content/exercises/index.txt} listing every
 * exercise file, because a packaged jar cannot list a resource folder at runtime.
 */
public final class ContentIndexGenerator {

    private ContentIndexGenerator() {
    }

    /** @param args the exercises folder under target/classes */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ContentIndexGenerator <exercises folder>");
        }
        Path folder = Path.of(args[0]);
        List<String> files = list(folder);
        StringBuilder index = new StringBuilder("# Generated at build time by ContentIndexGenerator; do not edit.\n");
        files.forEach(file -> index.append(file).append('\n'));
        Files.writeString(folder.resolve(ContentReader.INDEX_FILE), index);
        System.out.printf("Content index: %d exercise files in %s%n", files.size(), folder);
    }

    /** The exercise file names of {@code folder}, sorted. */
    public static List<String> list(Path folder) throws IOException {
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".json")).sorted()
                    .toList();
        }
    }
}
