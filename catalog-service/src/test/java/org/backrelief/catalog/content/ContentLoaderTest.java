package org.backrelief.catalog.content;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.backrelief.catalog.exercise.CatalogApi.EXERCISES;
import static org.backrelief.catalog.exercise.CatalogApi.asEditor;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.backrelief.catalog.exercise.Exercise;
import org.backrelief.catalog.exercise.ExerciseRepository;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The startup loader against the real Mongo-protocol server: idempotent, and API edits survive it. */
@QuarkusTest
class ContentLoaderTest {

    @Inject
    ContentLoader loader;

    @Inject
    ContentReader reader;

    @Inject
    ExerciseRepository repository;

    @Test
    void loadingAgainChangesNothing() {
        int files = reader.readExercises().size();
        long before = repository.count();
        ContentLoader.Report first = loader.load();
        ContentLoader.Report second = loader.load();
        assertThat(first.inserted()).isZero();
        assertThat(second).isEqualTo(first);
        assertThat(second.unchanged() + second.keptApiEdits()).isEqualTo(files);
        assertThat(repository.count()).isEqualTo(before);
        assertThat(repository.count()).isGreaterThanOrEqualTo(files);
    }

    @Test
    void anApiEditOfAContentExerciseSurvivesAReload() {
        Map<String, Object> current = given().get(EXERCISES + "/tai-chi").then().statusCode(200).extract().jsonPath()
                .getMap("");
        current.put("summary", "Edited by an editor: slow, flowing movement for balance and calm.");
        asEditor().body(current).put(EXERCISES + "/tai-chi").then().statusCode(200);
        long version = given().get(EXERCISES + "/tai-chi").then().extract().jsonPath().getLong("version");

        loader.load();

        given().get(EXERCISES + "/tai-chi").then().statusCode(200)
                .body("summary", equalTo("Edited by an editor: slow, flowing movement for balance and calm."))
                .body("version", equalTo((int) version)).body("editedViaApi", equalTo(true));
    }

    @Test
    void newContentVersionsFollowTheRule() {
        String id = "loader-rule-drill";
        Exercise v1 = file(reader.readExercises().stream().filter(e -> e.id().equals("meditation")).findFirst()
                .orElseThrow(), id, 1, "Version one from a file.", null);

        assertThat(loader.apply(List.of(v1)).inserted()).isEqualTo(1);
        long count = repository.count();
        assertThat(loader.apply(List.of(v1)).unchanged()).isEqualTo(1);
        assertThat(repository.count()).isEqualTo(count);
        given().get(EXERCISES + "/" + id).then().body("version", equalTo(1)).body("origin", equalTo("CONTENT"))
                .body("contentVersion", equalTo(1));

        // a newer file updates an exercise nobody edited
        assertThat(loader.apply(List.of(file(v1, id, 2, "Version two from a file.", null))).updated()).isEqualTo(1);
        given().get(EXERCISES + "/" + id).then().body("summary", equalTo("Version two from a file."))
                .body("version", equalTo(2)).body("contentVersion", equalTo(2));

        // a changed file without a new version is not applied
        assertThat(loader.apply(List.of(file(v1, id, 2, "Sneaky change.", null))).changedWithoutNewVersion())
                .isEqualTo(1);

        // an editor changes it: neither the same nor a newer file overwrites that
        Map<String, Object> edited = given().get(EXERCISES + "/" + id).then().extract().jsonPath().getMap("");
        edited.put("summary", "Edited through the API.");
        asEditor().body(edited).put(EXERCISES + "/" + id).then().statusCode(200).body("version", equalTo(3));
        assertThat(loader.apply(List.of(file(v1, id, 2, "Version two from a file.", null))).unchanged()).isEqualTo(1);
        assertThat(loader.apply(List.of(file(v1, id, 3, "Version three from a file.", null))).keptApiEdits())
                .isEqualTo(1);
        assertThat(loader.apply(List.of(file(v1, id, 3, "Version three from a file.",
                Instant.now().minusSeconds(3600)))).keptApiEdits()).as("the edit is newer than the cut-off")
                .isEqualTo(1);
        given().get(EXERCISES + "/" + id).then().body("summary", equalTo("Edited through the API."))
                .body("version", equalTo(3)).body("editedViaApi", equalTo(true));

        // unless the newer file explicitly replaces API edits made before a time after that edit
        assertThat(loader.apply(List.of(file(v1, id, 3, "Version three replaces the edit.",
                Instant.now().plusSeconds(60)))).updated()).isEqualTo(1);
        given().get(EXERCISES + "/" + id).then().body("summary", equalTo("Version three replaces the edit."))
                .body("version", equalTo(4)).body("editedViaApi", equalTo(false)).body("contentVersion", equalTo(3));
        assertThat(repository.count()).isEqualTo(count);
    }

    private static Exercise file(Exercise base, String id, int contentVersion, String summary, Instant replaces) {
        return new Exercise(id, contentVersion, "Loader drill", base.aliases(), summary, base.steps(), base.phases(),
                base.targets(), base.equipment(), base.position(), base.floor(), base.impact(), base.difficulty(),
                base.minLevel(), base.breathing(), base.cautions(), base.consultDoctorFirst(), List.of(id), replaces,
                null, null, null, null, null);
    }
}
