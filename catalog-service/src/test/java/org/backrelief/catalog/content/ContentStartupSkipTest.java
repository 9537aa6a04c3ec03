package org.backrelief.catalog.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.backrelief.catalog.exercise.ExerciseRepository;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A start skips the content load when MongoDB records that these exact files were applied, and only then. */
@QuarkusTest
class ContentStartupSkipTest {

    @Inject
    ContentLoader loader;

    @Inject
    ContentReader reader;

    @Inject
    ExerciseRepository repository;

    @Test
    void theLoadIsSkippedOnlyForTheFilesLastApplied() {
        String applied = repository.appliedContentDigest();
        assertThat(applied).as("the startup load records its digest")
                .isEqualTo(loader.digest(reader.rawExercises()));
        assertThat(loader.loadIfChanged()).as("same files: skipped").isNull();

        repository.contentApplied("an-older-release");
        ContentLoader.Report report = loader.loadIfChanged();
        assertThat(report).as("other files: loaded").isNotNull();
        assertThat(report.inserted() + report.updated()).isZero();
        assertThat(report.unchanged() + report.keptApiEdits()).isEqualTo(reader.exerciseFiles().size());
        assertThat(repository.appliedContentDigest()).isEqualTo(applied);
        assertThat(loader.loadIfChanged()).isNull();
    }

    @Test
    void theDigestCoversNamesBytesAndTheLoaderFormat() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("a.json", "{\"id\":\"a\"}".getBytes(StandardCharsets.UTF_8));
        files.put("b.json", "{\"id\":\"b\"}".getBytes(StandardCharsets.UTF_8));
        String digest = ContentReader.digest(files, "f1");
        assertThat(ContentReader.digest(new LinkedHashMap<>(files), "f1")).isEqualTo(digest);
        assertThat(ContentReader.digest(files, "f2")).isNotEqualTo(digest);

        Map<String, byte[]> changedByte = new LinkedHashMap<>(files);
        changedByte.put("b.json", "{\"id\":\"c\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(ContentReader.digest(changedByte, "f1")).isNotEqualTo(digest);

        Map<String, byte[]> renamed = new LinkedHashMap<>();
        renamed.put("a.json", files.get("a.json"));
        renamed.put("c.json", files.get("b.json"));
        assertThat(ContentReader.digest(renamed, "f1")).isNotEqualTo(digest);

        Map<String, byte[]> fewer = new LinkedHashMap<>(files);
        fewer.remove("b.json");
        assertThat(ContentReader.digest(fewer, "f1")).isNotEqualTo(digest);
    }
}
