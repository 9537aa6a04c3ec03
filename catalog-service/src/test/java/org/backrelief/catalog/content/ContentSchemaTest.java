package org.backrelief.catalog.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.backrelief.catalog.exercise.Dose;
import org.backrelief.catalog.exercise.Exercise;
import org.backrelief.catalog.exercise.PhaseDose;
import org.backrelief.catalog.phase.PhaseInfo;
import org.backrelief.common.domain.Phase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Build-time check of the content files against the schema (the {@link Exercise} record and its constraints), read
 * by the same {@link ContentReader} the service uses at startup.
 */
class ContentSchemaTest {

    @Test
    void everyExerciseFileValidatesAndTheIndexListsThemAll() {
        List<String> files = ContentFixtures.sourceFiles();
        assertThat(files).hasSizeGreaterThanOrEqualTo(40);
        assertThat(ContentFixtures.reader().exerciseFiles()).as("build-time index").containsExactlyElementsOf(files);
        assertThat(ContentFixtures.exercises()).extracting(Exercise::id)
                .containsExactlyElementsOf(files.stream().map(f -> f.replace(".json", "")).toList());
    }

    @Test
    void everyExerciseHasStepsAndEveryPhaseEntryADose() {
        for (Exercise exercise : ContentFixtures.exercises()) {
            assertThat(exercise.steps()).as(exercise.id() + " steps").isNotEmpty();
            assertThat(exercise.phases()).as(exercise.id() + " phases").isNotEmpty();
            for (PhaseDose entry : exercise.phases()) {
                Dose dose = entry.dose();
                assertThat(dose.holdSeconds() != null || dose.reps() != null || dose.minutes() != null)
                        .as(exercise.id() + " " + entry.phase() + " has a hold, reps or minutes").isTrue();
                assertThat(entry.guideSection()).as(exercise.id() + " guide section").isNotBlank();
            }
            assertThat(exercise.cautions()).as(exercise.id() + " cautions").isNotEmpty();
        }
    }

    @Test
    void laddersResolveAndEveryMemberAgreesOnIt() {
        Map<String, Exercise> byId = ContentFixtures.byId();
        for (Exercise exercise : byId.values()) {
            assertThat(exercise.ladder()).as(exercise.id() + " ladder").contains(exercise.id());
            for (String member : exercise.ladder()) {
                assertThat(byId).as(exercise.id() + " ladder member " + member).containsKey(member);
                assertThat(byId.get(member).ladder()).as("ladder of " + member + " vs " + exercise.id())
                        .isEqualTo(exercise.ladder());
            }
        }
    }

    @Test
    void phasesFileDescribesTheFivePhasesInGuideOrder() {
        List<PhaseInfo> phases = ContentFixtures.phases().phases();
        assertThat(phases).extracting(PhaseInfo::phase).containsExactly(Phase.values());
        PhaseInfo coolDown = phases.get(Phase.COOL_DOWN.ordinal());
        assertThat(coolDown.recommendedMinutes().min()).isEqualTo(5);
        assertThat(coolDown.recommendedMinutes().max()).isEqualTo(10);
        assertThat(phases.get(Phase.STRETCHING.ordinal()).rules())
                .anySatisfy(rule -> assertThat(rule).contains("10 minutes").containsIgnoringCase("light cardio"));
        assertThat(phases).allSatisfy(phase -> assertThat(phase.rules()).anySatisfy(
                rule -> assertThat(rule.toLowerCase()).containsAnyOf("pain", "doctor", "stop")));
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                broken("steps missing", "steps", json -> json.remove("steps")),
                broken("no steps", "steps", json -> json.put("steps", List.of())),
                broken("no phases", "phases", json -> json.put("phases", List.of())),
                broken("a phase twice", "phases", json -> json.put("phases", List.of(phase("STRETCHING"),
                        phase("STRETCHING")))),
                broken("dose without amount", "phases[0].dose", json -> json.put("phases", List.of(Map.of(
                        "phase", "STRETCHING", "guideSection", "Stretching", "dose", Map.of("note", "none"))))),
                broken("inverted range", "phases[0].dose.reps", json -> json.put("phases", List.of(Map.of(
                        "phase", "STRETCHING", "guideSection", "Stretching",
                        "dose", Map.of("reps", Map.of("min", 20, "max", 15)))))),
                broken("negative range", "phases[0].dose.reps.min", json -> json.put("phases", List.of(Map.of(
                        "phase", "STRETCHING", "guideSection", "Stretching",
                        "dose", Map.of("reps", Map.of("min", -1, "max", 15)))))),
                broken("8 times a week", "phases[0].dose.timesPerWeek", json -> json.put("phases", List.of(Map.of(
                        "phase", "STRETCHING", "guideSection", "Stretching",
                        "dose", Map.of("reps", Map.of("min", 1, "max", 2), "timesPerWeek", Map.of("min", 2, "max", 8))))
                )),
                broken("unknown enum", "position", json -> json.put("position", "FLYING")),
                broken("unknown target", "targets[1]", json -> json.put("targets", List.of("CORE", "TOES"))),
                broken("operator key", "$where", json -> json.put("$where", "1")),
                broken("operator object", "phases[0].dose.reps.$gt", json -> json.put("phases", List.of(Map.of(
                        "phase", "STRETCHING", "guideSection", "Stretching",
                        "dose", Map.of("reps", Map.of("$gt", 0)))))),
                broken("ladder without itself", "ladder", json -> json.put("ladder", List.of("plank"))),
                broken("name too long", "name", json -> json.put("name", "x".repeat(81))),
                broken("difficulty 6", "difficulty", json -> json.put("difficulty", 6)),
                broken("NONE as equipment", "equipment", json -> json.put("equipment", List.of("NONE"))),
                broken("no contentVersion", "contentVersion", json -> json.remove("contentVersion")),
                broken("server field in a file", "version", json -> json.put("version", 3)),
                broken("missing guide section", "phases[0].guideSection", json -> json.put("phases", List.of(
                        Map.of("phase", "STRETCHING", "dose", Map.of("reps", Map.of("min", 1, "max", 2)))))),
                broken("id not the file name", "must match the file name", json -> json.put("id", "other-id")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void theSchemaRejectsABrokenFileNamingTheField(String name, String field, Consumer<Map<String, Object>> change)
            throws Exception {
        ObjectMapper mapper = ContentFixtures.mapper();
        Map<String, Object> json = mapper.readValue(Files.readAllBytes(
                ContentFixtures.SOURCE_EXERCISES.resolve("glute-bridge.json")), new TypeReference<>() {
                });
        List<String> valid = new ArrayList<>();
        assertThat(ContentFixtures.reader().parseExercise("glute-bridge.json", mapper.writeValueAsBytes(json), valid))
                .isNotNull();
        assertThat(valid).isEmpty();

        Map<String, Object> copy = new LinkedHashMap<>(json);
        change.accept(copy);
        List<String> problems = new ArrayList<>();
        Exercise parsed = ContentFixtures.reader().parseExercise("glute-bridge.json", mapper.writeValueAsBytes(copy),
                problems);
        assertThat(parsed).isNull();
        assertThat(problems).as(name).anySatisfy(problem -> assertThat(problem).startsWith("glute-bridge.json: ")
                .contains(field));
    }

    private static Arguments broken(String name, String field, Consumer<Map<String, Object>> change) {
        return Arguments.of(name, field, change);
    }

    private static Map<String, Object> phase(String phase) {
        return Map.of("phase", phase, "guideSection", "Stretching", "dose", Map.of("reps", Map.of("min", 1, "max", 2)));
    }
}
