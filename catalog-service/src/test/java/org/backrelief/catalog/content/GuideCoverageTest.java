package org.backrelief.catalog.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.backrelief.catalog.exercise.Dose;
import org.backrelief.catalog.exercise.Exercise;
import org.backrelief.catalog.exercise.PhaseDose;
import org.backrelief.catalog.exercise.Range;
import org.backrelief.common.domain.Equipment;
import org.backrelief.common.domain.Level;
import org.backrelief.common.domain.Phase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every movement the guide names, by section, with the phase it belongs to and the dose the guide gives, checked
 * against the catalog content. A blank dose cell means the guide gives no number there (the file's default is not
 * asserted); {@code 10+} means "10 or longer". Source: shared/source/back-pain-workout-guide.txt.
 */
class GuideCoverageTest {

    // section                                           | movement as the guide names it              | exercise id                   | phase             | hold s  | reps  | sets | per side | minutes | times/week
    private static final String GUIDE = """
            Warm-up > Stretch your back                      | Seated reach toward each foot, ~30 s        | seated-reach                  | WARM_UP           | 30      |       |      | yes      |         |
            Warm-up > Stretch your back                      | All-fours arch (cat/camel) 15-30 s, 3 times | cat-camel                     | WARM_UP           | 15-30   | 3     |      |          |         |
            Warm-up > Stretch your back                      | Rest in child's pose                        | childs-pose                   | WARM_UP           |         |       |      |          |         |
            Warm-up > Do dynamic warm-up exercises           | Jogging in place                            | jogging-in-place              | WARM_UP           |         |       |      |          |         |
            Warm-up > Do dynamic warm-up exercises           | Walking in place                            | walking-in-place              | WARM_UP           |         |       |      |          |         |
            Warm-up > Do dynamic warm-up exercises           | Walking lunges                              | walking-lunges                | WARM_UP           |         |       |      |          |         |
            Warm-up > Do dynamic warm-up exercises           | Side lunges                                 | side-lunges                   | WARM_UP           |         |       |      |          |         |
            Warm-up > Do dynamic warm-up exercises           | Body weight squats                          | bodyweight-squats             | WARM_UP           |         |       |      |          |         |
            Warm-up > Do dynamic warm-up exercises           | Lunge matrix                                | lunge-matrix                  | WARM_UP           |         |       |      |          |         |
            Warm-up > Do dynamic warm-up exercises           | High knees                                  | high-knees                    | WARM_UP           |         |       |      |          |         |
            Warm-up > Do dynamic warm-up exercises           | Butt kicks                                  | butt-kicks                    | WARM_UP           |         |       |      |          |         |
            Warm-up > Do dynamic warm-up exercises           | Shoulder rolls                              | shoulder-rolls                | WARM_UP           |         |       |      |          |         |
            Warm-up > Do dynamic warm-up exercises           | Alternating arm circles                     | alternating-arm-circles       | WARM_UP           |         |       |      |          |         |
            Warm-up > Do dynamic warm-up exercises           | Backward skipping                           | backward-skipping             | WARM_UP           |         |       |      |          |         |
            Warm-up > Do dynamic warm-up exercises           | Shuffles (advanced)                         | shuffles                      | WARM_UP           |         |       |      |          |         |
            Warm-up > Do dynamic warm-up exercises           | Sprints (advanced)                          | sprints                       | WARM_UP           |         |       |      |          |         |
            Strengthening Exercises > Target your core       | Plank                                       | plank                         | STRENGTHENING     |         |       |      |          |         |
            Strengthening Exercises > Target your core       | Side plank                                  | side-plank                    | STRENGTHENING     |         |       |      |          |         |
            Strengthening Exercises > Target your core       | Bridges (bridge pose)                       | glute-bridge                  | STRENGTHENING     |         |       |      |          |         |
            Strengthening Exercises > Target your core       | Crunches                                    | crunches                      | STRENGTHENING     |         |       |      |          |         |
            Strengthening Exercises > Target your core       | Superman's pose                             | superman                      | STRENGTHENING     |         |       |      |          |         |
            Strengthening Exercises > Target your core       | Birddog                                     | bird-dog                      | STRENGTHENING     |         |       |      |          |         |
            Strengthening Exercises > Do back extensions     | Back extension, 10 reps 2-3 times a week    | back-extension                | STRENGTHENING     |         | 10    | 1    |          |         | 2-3
            Strengthening Exercises > Strengthen your glutes | Glute bridges, hold 2 s, 15-20 times        | glute-bridge                  | STRENGTHENING     | 2       | 15-20 | 1    | no       |         |
            Strengthening Exercises > Strengthen your glutes | Side lying clamshells, 15-20 per side       | side-lying-clamshells         | STRENGTHENING     |         | 15-20 | 1    | yes      |         |
            Strengthening Exercises > Strengthen your glutes | Glute kickbacks, hold 2 s, 10-15 each side  | glute-kickbacks               | STRENGTHENING     | 2       | 10-15 | 1    | yes      |         |
            Stretching > Stretch your back muscles           | Light cardio first: walking, 10 minutes     | walking                       | WARM_UP           |         |       |      |          | 10      |
            Stretching > Stretch your back muscles           | Light cardio first: biking, 10 minutes      | stationary-bike               | WARM_UP           |         |       |      |          | 10      |
            Stretching > Stretch your back muscles           | Cat/Camel, 5 reps                           | cat-camel                     | STRETCHING        |         | 5     |      |          |         |
            Stretching > Stretch your back muscles           | Bridge, 10 reps                             | glute-bridge                  | STRETCHING        |         | 10    |      |          |         |
            Stretching > Stretch your back muscles           | Child's pose, 10 s or longer                | childs-pose                   | STRETCHING        | 10+     |       |      |          |         |
            Stretching > Stretch your hamstrings             | Hamstring stretch, 10-15 s each leg         | hamstring-stretch             | STRETCHING        | 10-15   |       |      | yes      |         |
            Stretching > Stretch your hip flexors            | Kneeling hip flexor stretch, 30 s each side | kneeling-hip-flexor-stretch   | STRETCHING        | 30      |       |      | yes      |         |
            Low-Impact Cardio > Walk or bike                 | Walking                                     | walking                       | LOW_IMPACT_CARDIO |         |       |      |          |         |
            Low-Impact Cardio > Walk or bike                 | Treadmill walking with incline              | treadmill-walking             | LOW_IMPACT_CARDIO |         |       |      |          |         |
            Low-Impact Cardio > Walk or bike                 | Stationary bike                             | stationary-bike               | LOW_IMPACT_CARDIO |         |       |      |          |         |
            Low-Impact Cardio > Walk or bike                 | Outdoor cycling                             | outdoor-cycling               | LOW_IMPACT_CARDIO |         |       |      |          |         |
            Low-Impact Cardio > Do low-impact aerobics       | Walking                                     | walking                       | LOW_IMPACT_CARDIO |         |       |      |          |         |
            Low-Impact Cardio > Do low-impact aerobics       | Swimming                                    | swimming                      | LOW_IMPACT_CARDIO |         |       |      |          |         |
            Low-Impact Cardio > Do low-impact aerobics       | Elliptical training machines                | elliptical                    | LOW_IMPACT_CARDIO |         |       |      |          |         |
            Low-Impact Cardio > Do low-impact aerobics       | Water aerobics                              | water-aerobics                | LOW_IMPACT_CARDIO |         |       |      |          |         |
            Low-Impact Cardio > Do low-impact aerobics       | Cycling on an indoor stationary bike        | stationary-bike               | LOW_IMPACT_CARDIO |         |       |      |          |         |
            Low-Impact Cardio > Try yoga or tai chi          | Yoga (Viniyoga, Hatha, Iyengar)             | yoga                          | LOW_IMPACT_CARDIO |         |       |      |          |         |
            Low-Impact Cardio > Try yoga or tai chi          | Tai chi                                     | tai-chi                       | LOW_IMPACT_CARDIO |         |       |      |          |         |
            Cool Down > Stretch your back                    | Cat/Cow stretch on your back, 10 times      | cat-camel                     | COOL_DOWN         |         | 10    |      |          |         |
            Cool Down > Stretch your back                    | Child's pose, 2-3 minutes                   | childs-pose                   | COOL_DOWN         | 120-180 |       |      |          |         |
            Cool Down > Do relaxation exercises              | Deep breathing (before the workout too)     | deep-breathing                | WARM_UP           |         |       |      |          |         |
            Cool Down > Do relaxation exercises              | Deep breathing                              | deep-breathing                | COOL_DOWN         |         |       |      |          | 5       |
            Cool Down > Do relaxation exercises              | Progressive muscle relaxation, 5 s holds    | progressive-muscle-relaxation | COOL_DOWN         | 5       |       |      |          |         |
            Cool Down > Do relaxation exercises              | Guided imagery                              | guided-imagery                | COOL_DOWN         |         |       |      |          |         |
            Cool Down > Do relaxation exercises              | Meditation                                  | meditation                    | COOL_DOWN         |         |       |      |          |         |
            Cool Down > Do relaxation exercises              | Yoga                                        | yoga                          | COOL_DOWN         |         |       |      |          |         |
            Cool Down > Foam roll your back                  | Foam rolling the mid-back, up to 1 minute   | foam-rolling-back             | COOL_DOWN         |         |       |      |          | 1       |
            """;

    record Row(String section, String movement, String id, Phase phase, String hold, String reps, String sets,
            String perSide, String minutes, String timesPerWeek) {

        @Override
        public String toString() {
            return section + " | " + movement;
        }
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String line : GUIDE.strip().split("\n")) {
            String[] cells = (line + " ").split("\\|", -1);
            assertThat(cells).as(line).hasSize(10);
            rows.add(new Row(cells[0].strip(), cells[1].strip(), cells[2].strip(), Phase.valueOf(cells[3].strip()),
                    cells[4].strip(), cells[5].strip(), cells[6].strip(), cells[7].strip(), cells[8].strip(),
                    cells[9].strip()));
        }
        return rows;
    }

    static Stream<Arguments> movements() {
        return rows().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("movements")
    void theMovementIsInTheCatalogWithThePhaseAndDoseOfTheGuide(Row row) {
        Exercise exercise = ContentFixtures.byId().get(row.id());
        assertThat(exercise).as(row.id() + " is in the catalog").isNotNull();
        PhaseDose entry = exercise.phases().stream().filter(p -> p.phase() == row.phase()).findFirst().orElse(null);
        assertThat(entry).as(row.id() + " has phase " + row.phase()).isNotNull();
        Dose dose = entry.dose();
        assertRange(row, "holdSeconds", row.hold(), dose.holdSeconds());
        assertRange(row, "reps", row.reps(), dose.reps());
        assertRange(row, "sets", row.sets(), dose.sets());
        assertRange(row, "minutes", row.minutes(), dose.minutes());
        assertRange(row, "timesPerWeek", row.timesPerWeek(), dose.timesPerWeek());
        if (!row.perSide().isEmpty()) {
            assertThat(dose.perSide()).as(row + " perSide").isEqualTo(row.perSide().equals("yes"));
        }
    }

    @Test
    void everyCatalogExerciseIsNamedByTheGuide() {
        Set<String> named = new LinkedHashSet<>(rows().stream().map(Row::id).toList());
        assertThat(ContentFixtures.byId().keySet()).containsExactlyInAnyOrderElementsOf(named);
    }

    @Test
    void theDynamicWarmUpListNamesMoreThanADozenMovementsAllInTheCatalog() {
        assertSectionIsExactlyTheTable("Warm-up > Do dynamic warm-up exercises", 13);
    }

    @Test
    void theRelaxationListHasItsFiveTechniques() {
        assertSectionIsExactlyTheTable("Cool Down > Do relaxation exercises", 5);
    }

    @Test
    void advancedMovesAreNeverForBeginnersAndLaddersGoEasierToHarder() {
        Map<String, Exercise> byId = ContentFixtures.byId();
        assertThat(byId.get("shuffles").minLevel()).isEqualTo(Level.ADVANCED);
        assertThat(byId.get("sprints").minLevel()).isEqualTo(Level.ADVANCED);
        assertThat(byId.get("plank").ladder()).containsSubsequence("plank", "side-plank");
        assertThat(byId.get("walking").ladder()).containsSubsequence("walking", "treadmill-walking");
        for (Exercise exercise : byId.values()) {
            List<String> ladder = exercise.ladder();
            for (int i = 1; i < ladder.size(); i++) {
                assertThat(byId.get(ladder.get(i)).difficulty()).as("ladder " + ladder + " at " + ladder.get(i))
                        .isGreaterThanOrEqualTo(byId.get(ladder.get(i - 1)).difficulty());
            }
        }
    }

    @Test
    void theGuidesDoctorAdviceAndEquipmentAreCarried() {
        Map<String, Exercise> byId = ContentFixtures.byId();
        // "consult with your doctor" before glute strengthening; low-impact cardio needs the doctor's OK
        assertThat(byId.get("glute-bridge").consultDoctorFirst()).isTrue();
        assertThat(byId.get("side-lying-clamshells").consultDoctorFirst()).isTrue();
        assertThat(byId.get("swimming").consultDoctorFirst()).isTrue();
        assertThat(byId.get("hamstring-stretch").equipment()).containsExactly(Equipment.CHAIR);
        assertThat(byId.get("foam-rolling-back").equipment()).containsExactly(Equipment.FOAM_ROLLER);
        assertThat(byId.get("treadmill-walking").equipment()).containsExactly(Equipment.TREADMILL);
        assertThat(byId.get("cat-camel").aliases()).contains("cat/cow");
    }

    /** The catalog entries citing {@code section} are exactly the table's movements of that section. */
    private static void assertSectionIsExactlyTheTable(String section, int expectedMovements) {
        Set<String> table = new LinkedHashSet<>();
        rows().stream().filter(row -> row.section().equals(section)).forEach(row -> table.add(row.id()));
        assertThat(table).hasSize(expectedMovements);
        Set<String> citing = new LinkedHashSet<>();
        for (Exercise exercise : ContentFixtures.exercises()) {
            if (exercise.phases().stream().anyMatch(entry -> section.equals(entry.guideSection()))) {
                citing.add(exercise.id());
            }
        }
        assertThat(citing).as("exercises citing " + section).containsExactlyInAnyOrderElementsOf(table);
    }

    private static void assertRange(Row row, String field, String expected, Range actual) {
        if (expected.isEmpty()) {
            return;
        }
        assertThat(actual).as(row + " " + field).isNotNull();
        if (expected.endsWith("+")) {
            int min = Integer.parseInt(expected.substring(0, expected.length() - 1));
            assertThat(actual.min()).as(row + " " + field + " min").isEqualTo(min);
            assertThat(actual.max()).as(row + " " + field + " max").isGreaterThanOrEqualTo(min);
            return;
        }
        String[] bounds = expected.split("-");
        int min = Integer.parseInt(bounds[0]);
        int max = Integer.parseInt(bounds[bounds.length - 1]);
        assertThat(actual).as(row + " " + field).isEqualTo(Range.of(min, max));
    }
}
