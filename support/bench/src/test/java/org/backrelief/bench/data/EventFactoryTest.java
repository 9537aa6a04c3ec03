package org.backrelief.bench.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

import org.backrelief.common.events.CloudEvent;
import org.backrelief.common.events.EventTypes;
import org.backrelief.common.events.SessionCompletedV1;
import org.backrelief.infra.BackReliefServices;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

class EventFactoryTest {

    private static final Path ROOT = BackReliefServices.findRepositoryRoot(Path.of(""));
    private static final ExerciseCatalog CATALOG = ExerciseCatalog.fromRepository(ROOT);
    private final EventFactory factory = new EventFactory(CATALOG, Instant.parse("2025-06-01T12:00:00Z"));

    @Test
    void eventsAreValidSessionCompletedCloudEvents() {
        Validator validator = Validation.byDefaultProvider().configure()
                .messageInterpolator(new org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
        for (int i = 0; i < 200; i++) {
            CloudEvent<SessionCompletedV1> event = factory.historic("user-" + i, i % 7, 10);
            assertThat(event.type()).isEqualTo(EventTypes.SESSION_COMPLETED_V1);
            assertThat(event.subject()).isEqualTo(event.data().userId());
            Set<ConstraintViolation<SessionCompletedV1>> violations = validator.validate(event.data());
            assertThat(violations).as("event %d", i).isEmpty();
            assertThat(event.data().exercises()).hasSize(10);
        }
    }

    @Test
    void theJsonReadsBackStrictlyAsTheContractRecords() throws Exception {
        // the tracker reads with strict Jackson (unknown properties fail): the payload must match the records exactly
        ObjectMapper strict = new ObjectMapper().registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        CloudEvent<SessionCompletedV1> event = factory.historic("user-1", 3, 10);
        String json = EventFactory.toJson(event);
        CloudEvent<SessionCompletedV1> read = strict.readValue(json, new TypeReference<>() {
        });
        assertThat(read).isEqualTo(event);
        assertThat(json).doesNotContain("null").contains("\"completedAt\":\"2025-");
    }

    @Test
    void sameUserAndSequenceGiveTheSameEvent() {
        assertThat(factory.historic("user-5", 2, 10)).isEqualTo(factory.historic("user-5", 2, 10));
        assertThat(factory.historic("user-5", 2, 10).id()).isNotEqualTo(factory.historic("user-5", 3, 10).id());
    }

    @Test
    void historyIsInTimeOrderEndingBeforeTheEpoch() {
        Instant first = factory.historic("user-9", 0, 100).data().completedAt();
        Instant last = factory.historic("user-9", 99, 100).data().completedAt();
        assertThat(first).isBefore(last);
        assertThat(last).isBefore(Instant.parse("2025-06-01T12:00:00Z"));
    }

    @Test
    void exercisesComeFromTheCatalogContent() {
        assertThat(CATALOG.ids(org.backrelief.common.domain.Phase.STRENGTHENING)).contains("glute-bridge", "bird-dog");
    }

    @Test
    void partitionMatchesKafkasDefaultPartitioner() {
        for (int i = 0; i < 100; i++) {
            String key = "user-" + i;
            assertThat(KafkaTools.partitionFor(key, 3)).isEqualTo(
                    org.apache.kafka.clients.producer.internals.BuiltInPartitioner.partitionForKey(key.getBytes(), 3));
        }
    }
}
