package org.backrelief.catalog.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.backrelief.catalog.exercise.Exercise;
import org.backrelief.catalog.phase.PhasesContent;
import org.backrelief.common.json.StrictJsonCustomizer;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The content as the service reads it, for plain (non-Quarkus) tests: same reader, same strict JSON, same schema. */
final class ContentFixtures {

    /** The source folder, to check the generated index against what is really there. */
    static final Path SOURCE_EXERCISES = Path.of("src/main/resources/content/exercises");

    private static List<Exercise> exercises;

    private ContentFixtures() {
    }

    static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        new StrictJsonCustomizer().customize(mapper);
        return mapper;
    }

    static Validator validator() {
        return Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
    }

    static ContentReader reader() {
        return new ContentReader(mapper(), validator(), ContentFixtures.class.getClassLoader());
    }

    static synchronized List<Exercise> exercises() {
        if (exercises == null) {
            exercises = reader().readExercises();
        }
        return exercises;
    }

    static Map<String, Exercise> byId() {
        return exercises().stream().collect(Collectors.toMap(Exercise::id, Function.identity()));
    }

    static PhasesContent phases() {
        return reader().readPhases();
    }

    static List<String> sourceFiles() {
        try {
            return ContentIndexGenerator.list(SOURCE_EXERCISES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
