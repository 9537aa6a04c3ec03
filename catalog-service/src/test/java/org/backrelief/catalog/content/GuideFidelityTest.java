package org.backrelief.catalog.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.backrelief.catalog.exercise.Exercise;
import org.backrelief.catalog.exercise.PhaseDose;
import org.backrelief.catalog.phase.PhaseInfo;
import org.backrelief.common.domain.Phase;
import org.backrelief.common.domain.Position;
import org.backrelief.common.domain.Source;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: the content says what the guide says, labels every number the guide does not give, and lists every
 * departure from the guide in COVERAGE.md. Source: shared/source/back-pain-workout-guide.txt.
 */
class GuideFidelityTest {

    static final Path COVERAGE = Path.of("src/main/resources/content/COVERAGE.md");

    @Test
    void everyStrengtheningExerciseSaysToCheckWithADoctorFirst() {
        // "Before beginning any type of strengthening exercises, it is important to consult with your doctor"
        List<String> missing = new ArrayList<>();
        for (Exercise exercise : ContentFixtures.exercises()) {
            if (exercise.phases().stream().anyMatch(p -> p.phase() == Phase.STRENGTHENING)) {
                if (!exercise.consultDoctorFirst()
                        || exercise.cautions().stream().noneMatch(c -> c.contains("any strengthening"))) {
                    missing.add(exercise.id());
                }
            }
        }
        assertThat(missing).as("strengthening exercises without the doctor check").isEmpty();
    }

    @Test
    void everyDoseSaysWhereItsNumbersComeFromAndEveryDefaultNamesItsSource() {
        for (Exercise exercise : ContentFixtures.exercises()) {
            for (PhaseDose entry : exercise.phases()) {
                String where = exercise.id() + " " + entry.phase();
                assertThat(entry.dose().source()).as(where + " source").isNotNull();
                if (entry.dose().source() == Source.DEFAULT) {
                    assertThat(entry.dose().sourceNote()).as(where + " sourceNote").isNotBlank();
                } else {
                    assertThat(entry.dose().sourceNote()).as(where + " sourceNote of a GUIDE dose").isNull();
                }
            }
        }
    }

    @Test
    void theGuideSilentDosesAreLabelledDefaults() {
        Map<String, Exercise> byId = ContentFixtures.byId();
        for (String id : List.of("plank", "side-plank", "crunches", "superman", "bird-dog", "jogging-in-place",
                "walking-in-place", "high-knees")) {
            assertThat(byId.get(id).phases().get(0).dose().source()).as(id).isEqualTo(Source.DEFAULT);
        }
        for (String id : List.of("walking", "stationary-bike", "swimming", "yoga", "tai-chi")) {
            PhaseDose cardio = byId.get(id).phases().stream().filter(p -> p.phase() == Phase.LOW_IMPACT_CARDIO)
                    .findFirst().orElseThrow();
            assertThat(cardio.dose().source()).as(id + " cardio duration").isEqualTo(Source.DEFAULT);
        }
        assertThat(dose(byId, "glute-bridge", Phase.STRENGTHENING).source()).isEqualTo(Source.GUIDE);
        assertThat(dose(byId, "cat-camel", Phase.COOL_DOWN).source()).isEqualTo(Source.GUIDE);
    }

    @Test
    void coverageListsEveryDefaultDoseAndEveryDefaultPhaseDuration() throws IOException {
        String coverage = Files.readString(COVERAGE);
        List<String> unlisted = new ArrayList<>();
        for (Exercise exercise : ContentFixtures.exercises()) {
            for (PhaseDose entry : exercise.phases()) {
                if (entry.dose().source() == Source.DEFAULT
                        && !coverage.contains("| `" + exercise.id() + "` | " + entry.phase() + " |")) {
                    unlisted.add(exercise.id() + " " + entry.phase());
                }
            }
        }
        for (PhaseInfo phase : ContentFixtures.phases().phases()) {
            if (phase.recommendedMinutesSource() == Source.DEFAULT
                    && !coverage.contains("| phase `" + phase.phase() + "` |")) {
                unlisted.add("phase " + phase.phase());
            }
        }
        assertThat(unlisted).as("defaults missing from COVERAGE.md").isEmpty();
    }

    @Test
    void coverageListsTheDeparturesFromTheGuideWithTheirReasons() throws IOException {
        String coverage = Files.readString(COVERAGE);
        assertThat(coverage).contains("## Departures from the guide");
        // the guide says "a stretch in the front of your thigh" for the hamstring stretch
        assertThat(coverage).contains("`hamstring-stretch`").contains("front of your thigh");
        assertThat(coverage).contains("warm-up order");
    }

    @Test
    void phaseDurationsAreLabelledAndCardioStartsWhereThePlannerStarts() {
        Map<Phase, PhaseInfo> phases = new java.util.EnumMap<>(Phase.class);
        ContentFixtures.phases().phases().forEach(p -> phases.put(p.phase(), p));
        // the planner starts cardio at 10 minutes and builds up: the recommended minutes must not say 15
        assertThat(phases.get(Phase.LOW_IMPACT_CARDIO).recommendedMinutes().min()).isEqualTo(10);
        for (Phase phase : List.of(Phase.WARM_UP, Phase.STRENGTHENING, Phase.STRETCHING, Phase.LOW_IMPACT_CARDIO)) {
            assertThat(phases.get(phase).recommendedMinutesSource()).as(phase.name()).isEqualTo(Source.DEFAULT);
            assertThat(phases.get(phase).recommendedMinutesNote()).as(phase.name()).isNotBlank();
        }
        // "Taking five to ten minutes to cool down"
        assertThat(phases.get(Phase.COOL_DOWN).recommendedMinutesSource()).isEqualTo(Source.GUIDE);
    }

    @Test
    void theWarmUpRuleRaisesTheHeartRateBeforeAnyStretch() {
        PhaseInfo warmUp = ContentFixtures.phases().phases().get(0);
        assertThat(warmUp.rules()).noneMatch(rule -> rule.startsWith("Begin with slow back stretches"));
        assertThat(warmUp.rules()).anyMatch(rule -> rule.startsWith("Start with light movement that raises your"
                + " heart rate") && rule.contains("only then do slow back stretches"));
    }

    @Test
    void theCardioRuleStartsAtAModerateIntensity() {
        PhaseInfo cardio = ContentFixtures.phases().phases().get(3);
        assertThat(cardio.rules()).anyMatch(rule -> rule.startsWith("Start at a moderate intensity and build up"));
    }

    @Test
    void theCoolDownCatCowIsDoneLyingOnTheBack() {
        Map<String, Exercise> byId = ContentFixtures.byId();
        Exercise catCamel = byId.get("cat-camel");
        PhaseDose coolDown = catCamel.phases().stream().filter(p -> p.phase() == Phase.COOL_DOWN).findFirst()
                .orElseThrow();
        assertThat(coolDown.positionOr(catCamel.position())).isEqualTo(Position.SUPINE);
        PhaseDose warmUp = catCamel.phases().stream().filter(p -> p.phase() == Phase.WARM_UP).findFirst()
                .orElseThrow();
        assertThat(warmUp.positionOr(catCamel.position())).isEqualTo(Position.ALL_FOURS);
    }

    private static org.backrelief.catalog.exercise.Dose dose(Map<String, Exercise> byId, String id, Phase phase) {
        return byId.get(id).phases().stream().filter(p -> p.phase() == phase).findFirst().orElseThrow().dose();
    }
}
