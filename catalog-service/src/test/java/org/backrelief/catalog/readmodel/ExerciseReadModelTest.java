package org.backrelief.catalog.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.backrelief.catalog.CatalogConfig;
import org.backrelief.catalog.exercise.Dose;
import org.backrelief.catalog.exercise.ExerciseEntity;
import org.backrelief.catalog.exercise.ExerciseRepository;
import org.backrelief.catalog.exercise.PhaseDose;
import org.backrelief.catalog.exercise.Range;
import org.backrelief.common.domain.Impact;
import org.backrelief.common.domain.Level;
import org.backrelief.common.domain.Phase;
import org.backrelief.common.domain.Position;
import org.backrelief.common.domain.Target;
import org.backrelief.common.json.StrictJsonCustomizer;
import org.backrelief.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The refresh rule without a database: rebuild exactly when the stored ids/versions differ from the snapshot's. */
class ExerciseReadModelTest {

    /** A stand-in for MongoDB: a map of entities; counts full reads. */
    static final class FakeRepository extends ExerciseRepository {
        final Map<String, ExerciseEntity> stored = new HashMap<>();
        int fullReads;
        boolean down;

        @Override
        public List<ExerciseEntity> listAll() {
            check();
            fullReads++;
            return new ArrayList<>(stored.values());
        }

        @Override
        public Map<String, Long> versions() {
            check();
            Map<String, Long> versions = new HashMap<>();
            stored.forEach((id, entity) -> versions.put(id, entity.version));
            return versions;
        }

        private void check() {
            if (down) {
                throw new IllegalStateException("database down");
            }
        }

        void put(String id, long version, String summary) {
            ExerciseEntity entity = new ExerciseEntity();
            entity.id = id;
            entity.name = "Drill " + id;
            entity.sortName = entity.name.toLowerCase();
            entity.summary = summary;
            entity.aliases = List.of();
            entity.steps = List.of("Breathe.");
            entity.phases = List.of(new PhaseDose(Phase.COOL_DOWN, null,
                    new Dose(null, null, null, false, Range.of(1, 2), null, null, null)));
            entity.targets = List.of(Target.MIND_BREATHING);
            entity.equipment = List.of();
            entity.position = Position.SEATED;
            entity.impact = Impact.NONE;
            entity.difficulty = 1;
            entity.minLevel = Level.BEGINNER;
            entity.cautions = List.of();
            entity.ladder = List.of(id);
            entity.version = version;
            entity.updatedAt = Instant.parse("2025-01-01T00:00:00Z");
            stored.put(id, entity);
        }
    }

    private final FakeRepository repository = new FakeRepository();
    private final ExerciseReadModel readModel = new ExerciseReadModel(repository, mapper(), config());

    @Test
    void servesNothingBeforeTheFirstLoad() {
        assertThatThrownBy(readModel::snapshot).isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).status()).isEqualTo(503);
        assertThat(readModel.isFresh()).isFalse();
    }

    @Test
    void rebuildsOnlyWhenAVersionOrAnIdChanged() {
        repository.put("a", 1, "first");
        repository.put("b", 1, "first");
        readModel.ensureLoaded();
        readModel.ensureLoaded();
        assertThat(repository.fullReads).isEqualTo(1);
        CatalogSnapshot loaded = readModel.snapshot();
        assertThat(readModel.isFresh()).isTrue();

        assertThat(readModel.checkForChanges()).isFalse();
        assertThat(readModel.snapshot()).isSameAs(loaded);
        assertThat(repository.fullReads).isEqualTo(1);

        repository.put("a", 2, "second"); // another replica's update
        assertThat(readModel.checkForChanges()).isTrue();
        assertThat(readModel.snapshot().get("a").exercise().summary()).isEqualTo("second");

        repository.put("c", 1, "new"); // another replica's insert
        assertThat(readModel.checkForChanges()).isTrue();
        assertThat(readModel.snapshot().get("c")).isNotNull();
        assertThat(readModel.checkForChanges()).isFalse();
        assertThat(repository.fullReads).isEqualTo(3);
    }

    @Test
    void keepsServingWhenTheDatabaseIsDown() {
        repository.put("a", 1, "first");
        readModel.rebuild();
        repository.down = true;
        assertThatThrownBy(readModel::checkForChanges).isInstanceOf(IllegalStateException.class);
        assertThat(readModel.snapshot().get("a")).isNotNull();
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        new StrictJsonCustomizer().customize(mapper);
        return mapper;
    }

    private static CatalogConfig config() {
        return new CatalogConfig() {
            @Override
            public Paging paging() {
                return null;
            }

            @Override
            public Content content() {
                return null;
            }

            @Override
            public Events events() {
                return null;
            }

            @Override
            public ReadModel readModel() {
                return new ReadModel() {
                    @Override
                    public Duration checkInterval() {
                        return Duration.ofHours(1);
                    }

                    @Override
                    public Duration maxUnverified() {
                        return Duration.ofHours(1);
                    }
                };
            }
        };
    }
}
