package org.backrelief.catalog.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.backrelief.catalog.content.ContentReader;
import org.backrelief.catalog.exercise.Exercise;
import org.backrelief.catalog.exercise.ExerciseCriteria;
import org.backrelief.catalog.exercise.ExerciseEntity;
import org.backrelief.catalog.exercise.ExercisePage;
import org.backrelief.catalog.exercise.SortKey;
import org.backrelief.common.domain.Equipment;
import org.backrelief.common.domain.Position;
import org.backrelief.common.json.StrictJsonCustomizer;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.validation.Validation;

/** The snapshot alone (no Quarkus): exact JSON, ETags, deleted handling, ordering. The semantics vs MongoDB are in
 * ReadModelMatchesMongoTest. */
class CatalogSnapshotTest {

    private static final ObjectMapper MAPPER = mapper();
    private static final List<ExerciseEntity> ENTITIES = entities();

    @Test
    void aPageIsByteForByteWhatJacksonWritesAndItsTagFollowsTheContent() throws Exception {
        CatalogSnapshot snapshot = CatalogSnapshot.of(ENTITIES, MAPPER, Instant.now());
        for (ExerciseCriteria criteria : List.of(criteria(0, 20, SortKey.NAME, false), criteria(1, 7, SortKey.DIFFICULTY,
                true), criteria(99, 20, SortKey.ID, false))) {
            CatalogSnapshot.Page page = snapshot.search(criteria);
            byte[] expected = MAPPER.writeValueAsBytes(new ExercisePage(page.items(), criteria.page(), criteria.size(),
                    page.total()));
            assertThat(new String(page.json())).isEqualTo(new String(expected));
            assertThat(page.etag()).matches("W/\"[A-Za-z0-9_-]{27}\"");
        }
        CatalogSnapshot.Page first = snapshot.search(criteria(0, 20, SortKey.NAME, false));
        assertThat(snapshot.search(criteria(0, 20, SortKey.NAME, false)).etag()).isEqualTo(first.etag());
        assertThat(snapshot.search(criteria(0, 19, SortKey.NAME, false)).etag()).isNotEqualTo(first.etag());

        // one changed exercise on the page changes the tag; a rebuilt but equal snapshot keeps it
        List<ExerciseEntity> changed = entities();
        ExerciseEntity onFirstPage = changed.stream().filter(e -> e.id.equals(first.items().get(0).id())).findFirst()
                .orElseThrow();
        onFirstPage.summary = "Changed.";
        onFirstPage.version++;
        assertThat(CatalogSnapshot.of(changed, MAPPER, Instant.now()).search(criteria(0, 20, SortKey.NAME, false))
                .etag()).isNotEqualTo(first.etag());
        assertThat(CatalogSnapshot.of(entities(), MAPPER, Instant.now()).search(criteria(0, 20, SortKey.NAME, false))
                .etag()).isEqualTo(first.etag());
    }

    @Test
    void deletedExercisesAreReadableByIdButNeverListed() throws Exception {
        List<ExerciseEntity> entities = entities();
        entities.get(0).deleted = true;
        String deletedId = entities.get(0).id;
        CatalogSnapshot snapshot = CatalogSnapshot.of(entities, MAPPER, Instant.now());
        CatalogSnapshot.Page all = snapshot.search(criteria(0, 100, SortKey.NAME, false));
        assertThat(all.total()).isEqualTo(entities.size() - 1);
        assertThat(all.items()).extracting(Exercise::id).doesNotContain(deletedId);
        CatalogSnapshot.Item item = snapshot.get(deletedId);
        assertThat(item.exercise().deleted()).isTrue();
        assertThat(new String(item.json())).isEqualTo(MAPPER.writeValueAsString(entities.get(0).toExercise()));
        assertThat(item.etag()).isEqualTo("\"" + deletedId + ".v" + entities.get(0).version + "\"");
        assertThat(snapshot.get("no-such-exercise")).isNull();
        assertThat(snapshot.versions()).hasSize(entities.size()).containsEntry(deletedId, entities.get(0).version);
    }

    @Test
    void sortsBreakTiesByIdAndPagesPartitionTheList() {
        CatalogSnapshot snapshot = CatalogSnapshot.of(ENTITIES, MAPPER, Instant.now());
        List<Exercise> all = snapshot.search(criteria(0, 100, SortKey.DIFFICULTY, true)).items();
        for (int i = 1; i < all.size(); i++) {
            Exercise a = all.get(i - 1);
            Exercise b = all.get(i);
            assertThat(a.difficulty() > b.difficulty()
                    || a.difficulty().equals(b.difficulty()) && a.id().compareTo(b.id()) < 0).as(a.id() + " < " + b.id())
                    .isTrue();
        }
        List<Exercise> paged = new ArrayList<>();
        for (int page = 0; page < 7; page++) {
            paged.addAll(snapshot.search(criteria(page, 7, SortKey.DIFFICULTY, true)).items());
        }
        assertThat(paged).isEqualTo(all);
    }

    @Test
    void stringsCompareByCodePointLikeMongoDb() {
        assertThat(CatalogSnapshot.compareCodePoints("a", "b")).isNegative();
        assertThat(CatalogSnapshot.compareCodePoints("ab", "a")).isPositive();
        assertThat(CatalogSnapshot.compareCodePoints("same", "same")).isZero();
        // U+1F600 (a surrogate pair in UTF-16) sorts after U+FF5E in UTF-8, unlike String.compareTo
        String emoji = new String(Character.toChars(0x1F600));
        assertThat("\uFF5E".compareTo(emoji)).isPositive();
        assertThat(CatalogSnapshot.compareCodePoints("\uFF5E", emoji)).isNegative();
    }

    @Test
    void equipmentMeansIHaveOnlyThese() {
        CatalogSnapshot snapshot = CatalogSnapshot.of(ENTITIES, MAPPER, Instant.now());
        List<Exercise> nothing = snapshot.search(new ExerciseCriteria(null, null, EnumSet.noneOf(Equipment.class), null,
                Set.of(), null, null, null, null, 0, 100, List.of(new SortKey.Order(SortKey.NAME, false)))).items();
        assertThat(nothing).isNotEmpty().allSatisfy(e -> assertThat(e.equipment()).isEmpty());
        List<Exercise> chair = snapshot.search(new ExerciseCriteria(null, null, EnumSet.of(Equipment.CHAIR), null,
                EnumSet.of(Position.STANDING), null, null, null, null, 0, 100,
                List.of(new SortKey.Order(SortKey.NAME, false)))).items();
        assertThat(chair).isNotEmpty().allSatisfy(e -> {
            assertThat(Set.of(Equipment.CHAIR)).containsAll(e.equipment());
            assertThat(e.position()).isNotEqualTo(Position.STANDING);
        });
        assertThat(chair.stream().anyMatch(e -> e.equipment().contains(Equipment.CHAIR))).isTrue();
    }

    private static ExerciseCriteria criteria(int page, int size, SortKey key, boolean descending) {
        return new ExerciseCriteria(null, null, null, null, Set.of(), null, null, null, null, page, size,
                List.of(new SortKey.Order(key, descending)));
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        new StrictJsonCustomizer().customize(mapper);
        return mapper;
    }

    /** The content files as stored entities, each with a different update time. */
    private static List<ExerciseEntity> entities() {
        var validator = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
        List<Exercise> files = new ContentReader(MAPPER, validator, CatalogSnapshotTest.class.getClassLoader())
                .readExercises();
        List<ExerciseEntity> entities = new ArrayList<>();
        Instant base = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < files.size(); i++) {
            ExerciseEntity entity = ExerciseEntity.withContentOf(files.get(i));
            entity.version = 1 + i % 3;
            entity.updatedAt = base.plusSeconds(i % 5);
            entity.contentVersion = files.get(i).contentVersion();
            entities.add(entity);
        }
        return entities;
    }
}
