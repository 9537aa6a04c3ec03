package org.backrelief.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.core.Response;

import org.backrelief.common.json.StrictJsonCustomizer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

class ProblemMappersTest {

    record Item(@NotBlank String id, @Max(10) int pain) {
    }

    record Body(String name, List<@Valid Item> items) {
    }

    private final ObjectMapper mapper = strictMapper();

    @Test
    void unknownFieldsIncludingOperatorKeysAreRejectedWithTheirPath() {
        UnrecognizedPropertyException e = assertThrows(UnrecognizedPropertyException.class,
                () -> mapper.readValue("{\"name\":\"a\",\"items\":[{\"id\":\"x\",\"pain\":1,\"$where\":\"1\"}]}", Body.class));
        assertEquals("items[0].$where", ProblemMappers.jsonPath(e));
    }

    @Test
    void operatorObjectsInPlaceOfValuesAreRejected() {
        JsonMappingException e = assertThrows(JsonMappingException.class,
                () -> mapper.readValue("{\"name\":{\"$ne\":null},\"items\":[]}", Body.class));
        assertEquals("name", ProblemMappers.jsonPath(e));
    }

    @Test
    void violationPathsNameTheNestedField() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        Set<ConstraintViolation<Body>> violations = validator.validate(new Body("a", List.of(new Item("x", 1), new Item("", 11))));
        List<String> fields = violations.stream().map(ProblemMappers::fieldOf).sorted().toList();
        assertEquals(List.of("items[1].id", "items[1].pain"), fields);
    }

    @Test
    void wrongShapesAreProblemsNamingTheField() {
        MismatchedInputException e = assertThrows(MismatchedInputException.class,
                () -> mapper.readValue("{\"name\":\"a\",\"items\":{\"id\":\"x\"}}", Body.class));
        Response response = new ProblemMappers().mismatchedInput(e, null);
        assertEquals(400, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        assertEquals(List.of(new Problem.Violation("items", "expected an array")), ((Problem) response.getEntity()).violations());
    }

    @Test
    void anUnreachableDatabaseIsARetryable503WithoutInternals() {
        Response response = new ProblemMappers().unexpected(
                new RuntimeException("wrapped", new com.mongodb.MongoTimeoutException("no server at 10.0.0.7")), null);
        assertEquals(503, response.getStatus());
        assertEquals(ProblemMappers.RETRY_AFTER_SECONDS, response.getHeaderString("Retry-After"));
        assertEquals("https://backrelief.org/problems/unavailable", ((Problem) response.getEntity()).type().toString());
        assertFalse(response.getEntity().toString().contains("10.0.0.7"));
    }

    @Test
    void anythingElseUnexpectedIsA500WithoutInternals() {
        Response response = new ProblemMappers().unexpected(new IllegalStateException("secret detail"), null);
        assertEquals(500, response.getStatus());
        assertFalse(response.getEntity().toString().contains("secret detail"));
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJsonCustomizer().customize(mapper);
        return mapper;
    }
}
