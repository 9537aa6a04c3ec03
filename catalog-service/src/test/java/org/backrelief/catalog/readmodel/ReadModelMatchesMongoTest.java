package org.backrelief.catalog.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import jakarta.inject.Inject;

import org.backrelief.catalog.exercise.Exercise;
import org.backrelief.catalog.exercise.ExerciseCriteria;
import org.backrelief.catalog.exercise.ExerciseEntity;
import org.backrelief.catalog.exercise.ExerciseFilters;
import org.backrelief.catalog.exercise.ExercisePage;
import org.backrelief.catalog.exercise.ExerciseRepository;
import org.backrelief.catalog.exercise.SortKey;
import org.backrelief.common.domain.Equipment;
import org.backrelief.common.domain.Impact;
import org.backrelief.common.domain.Level;
import org.backrelief.common.domain.Phase;
import org.backrelief.common.domain.Position;
import org.backrelief.common.domain.Target;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The in-memory read model against the MongoDB query it replaced ({@link ExerciseFilters}) on the real Mongo-protocol
 * server: for hundreds of random searches (filters, text, paging, sorting) the page JSON must be byte-identical.
 */
@QuarkusTest
class ReadModelMatchesMongoTest {

    private static final List<String> WORDS = List.of("bridge", "STRETCH", "walk", "cat/cow", "breath", "a", "Lunge",
            "your back", "zzz-none", "$where", ".*");

    @Inject
    ExerciseReadModel readModel;

    @Inject
    ExerciseRepository repository;

    @Inject
    ObjectMapper mapper;

    @Test
    void randomSearchesGiveTheSamePagesAsTheMongoQuery() throws Exception {
        CatalogSnapshot snapshot = readModel.rebuild();
        Random random = new Random(20251125);
        int nonEmpty = 0;
        for (int i = 0; i < 300; i++) {
            ExerciseCriteria criteria = randomCriteria(random);
            var filter = ExerciseFilters.filter(criteria);
            List<Exercise> items = repository.mongoCollection().find(filter).sort(ExerciseFilters.sort(criteria))
                    .skip(criteria.page() * criteria.size()).limit(criteria.size()).into(new ArrayList<>()).stream()
                    .map(ExerciseEntity::toExercise).toList();
            byte[] expected = mapper.writeValueAsBytes(new ExercisePage(items, criteria.page(), criteria.size(),
                    repository.mongoCollection().countDocuments(filter)));
            CatalogSnapshot.Page actual = snapshot.search(criteria);
            assertThat(new String(actual.json())).as(criteria.toString()).isEqualTo(new String(expected));
            nonEmpty += items.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).as("the searches must select something, or they prove nothing").isGreaterThan(100);
    }

    private static ExerciseCriteria randomCriteria(Random random) {
        Set<Equipment> equipment = null;
        if (random.nextInt(3) == 0) {
            equipment = EnumSet.noneOf(Equipment.class);
            for (Equipment item : Equipment.values()) {
                if (random.nextInt(3) == 0) {
                    equipment.add(item);
                }
            }
            equipment.remove(Equipment.NONE);
        }
        Set<Position> excluded = EnumSet.noneOf(Position.class);
        if (random.nextInt(3) == 0) {
            excluded.add(pick(random, Position.values()));
        }
        List<SortKey.Order> sort = new ArrayList<>();
        List<SortKey> keys = new ArrayList<>(List.of(SortKey.values()));
        int sortKeys = 1 + random.nextInt(3);
        for (int k = 0; k < sortKeys; k++) {
            sort.add(new SortKey.Order(keys.remove(random.nextInt(keys.size())), random.nextBoolean()));
        }
        int size = List.of(1, 5, 7, 20, 100).get(random.nextInt(5));
        return new ExerciseCriteria(
                random.nextInt(3) == 0 ? pick(random, Phase.values()) : null,
                random.nextInt(4) == 0 ? pick(random, Target.values()) : null,
                equipment,
                random.nextInt(6) == 0 ? pick(random, Position.values()) : null,
                excluded,
                random.nextInt(5) == 0 ? pick(random, Impact.values()) : null,
                random.nextInt(4) == 0 ? 1 + random.nextInt(5) : null,
                random.nextInt(4) == 0 ? pick(random, Level.values()) : null,
                random.nextInt(4) == 0 ? WORDS.get(random.nextInt(WORDS.size())) : null,
                random.nextInt(4) == 0 ? random.nextInt(4) : 0,
                size, sort);
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
