package org.backrelief.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.backrelief.infra.BackReliefServices;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The catalog's own content files, as realistic request bodies for editor calls. */
public final class Content {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Content() {
    }

    /** The content file of {@code exerciseId}, as the catalog service ships it. */
    public static ObjectNode exercise(String exerciseId) {
        Path file = BackReliefServices.findRepositoryRoot(Path.of(""))
                .resolve("catalog-service/src/main/resources/content/exercises/" + exerciseId + ".json");
        try {
            return (ObjectNode) JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new exercise for the API: a copy of {@code template} under a new id, without content-file bookkeeping. */
    public static String newExercise(String template, String newId) {
        ObjectNode exercise = exercise(template);
        exercise.put("id", newId);
        exercise.put("name", "Test " + newId);
        exercise.remove("contentVersion");
        exercise.putArray("ladder").add(newId);
        return exercise.toString();
    }
}
