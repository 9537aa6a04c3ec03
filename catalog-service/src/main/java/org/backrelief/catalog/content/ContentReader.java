package org.backrelief.catalog.content;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;

import org.backrelief.catalog.exercise.Exercise;
import org.backrelief.catalog.exercise.validation.ContentFile;
import org.backrelief.catalog.phase.PhaseInfo;
import org.backrelief.catalog.phase.PhasesContent;
import org.backrelief.common.domain.Phase;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads and validates the catalog content from the classpath: {@code content/exercises/*.json} (listed by the
 * build-time {@code index.txt}) and {@code content/phases.json}. Plain Java, so the build-time content test runs the
 * very code the service runs at startup.
 */
public final class ContentReader {

    public static final String EXERCISES = "content/exercises/";
    public static final String INDEX_FILE = "index.txt";
    public static final String PHASES = "content/phases.json";

    private final ObjectMapper mapper;
    private final Validator validator;
    private final ClassLoader classLoader;

    public ContentReader(ObjectMapper mapper, Validator validator, ClassLoader classLoader) {
        this.mapper = mapper;
        this.validator = validator;
        this.classLoader = classLoader;
    }

    /** The exercise file names, from the build-time index; in dev mode (no index yet) from the folder itself. */
    public List<String> exerciseFiles() {
        URL index = classLoader.getResource(EXERCISES + INDEX_FILE);
        if (index != null) {
            try (InputStream in = index.openStream();
                    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + EXERCISES + INDEX_FILE, e);
            }
        }
        URL folder = classLoader.getResource(EXERCISES);
        if (folder != null && "file".equals(folder.getProtocol())) {
            try {
                return ContentIndexGenerator.list(Path.of(folder.toURI()));
            } catch (IOException | URISyntaxException e) {
                throw new IllegalStateException("Cannot list " + folder, e);
            }
        }
        throw new InvalidContentException(List.of(EXERCISES + INDEX_FILE + ": missing; the build generates it"));
    }

    /**
     * Every exercise file, parsed and validated against {@link Exercise} (with the {@link ContentFile} rules), ids
     * unique and equal to the file name, every ladder reference resolved.
     *
     * @throws InvalidContentException listing every problem
     */
    public List<Exercise> readExercises() {
        return readExercises(rawExercises());
    }

    /** The exercise files as bytes, by file name in index order; a listed but missing file maps to null. */
    public Map<String, byte[]> rawExercises() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String file : exerciseFiles()) {
            try (InputStream in = classLoader.getResourceAsStream(EXERCISES + file)) {
                files.put(file, in == null ? null : in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + EXERCISES + file, e);
            }
        }
        return files;
    }

    /**
     * A SHA-256 over the names and bytes of {@code files} (and {@code format}, the loader's own version): equal
     * digests mean byte-identical content, so a start can skip parsing, validating and syncing files it already
     * applied.
     */
    public static String digest(Map<String, byte[]> files, String format) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(format.getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                digest.update((byte) 0);
                digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                if (file.getValue() != null) {
                    digest.update(file.getValue());
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Parses and validates raw exercise files (see {@link #readExercises()}). */
    public List<Exercise> readExercises(Map<String, byte[]> files) {
        List<String> problems = new ArrayList<>();
        List<Exercise> exercises = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (file.getValue() == null) {
                problems.add(file.getKey() + ": listed in the index but missing");
                continue;
            }
            Exercise exercise = parseExercise(file.getKey(), file.getValue(), problems);
            if (exercise != null) {
                exercises.add(exercise);
            }
        }
        Map<String, Exercise> byId = new HashMap<>();
        for (Exercise exercise : exercises) {
            if (byId.put(exercise.id(), exercise) != null) {
                problems.add(exercise.id() + ".json: duplicate id " + exercise.id());
            }
        }
        for (Exercise exercise : exercises) {
            for (int i = 0; i < exercise.ladder().size(); i++) {
                if (!byId.containsKey(exercise.ladder().get(i))) {
                    problems.add(exercise.id() + ".json: ladder[" + i + "] unknown exercise '"
                            + exercise.ladder().get(i) + "'");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidContentException(problems);
        }
        return List.copyOf(exercises);
    }

    /**
     * Parses and validates one exercise file; problems are added to {@code problems} as "file: field message".
     *
     * @return the exercise, or null when it could not be parsed or is invalid
     */
    public Exercise parseExercise(String file, byte[] json, List<String> problems) {
        Exercise exercise;
        try {
            exercise = mapper.readValue(json, Exercise.class);
        } catch (IOException e) {
            problems.add(file + ": " + describe(e));
            return null;
        }
        if (exercise == null) {
            problems.add(file + ": empty file");
            return null;
        }
        List<String> found = new ArrayList<>(violations(file, validator.validate(exercise, Default.class,
                ContentFile.class)));
        if (exercise.id() != null && !file.equals(exercise.id() + ".json")) {
            found.add(file + ": id '" + exercise.id() + "' must match the file name");
        }
        problems.addAll(found);
        return found.isEmpty() ? exercise : null;
    }

    /**
     * The phases file: valid, each of the five phases exactly once, numbered 1-5 in the enum's (the guide's) order.
     *
     * @throws InvalidContentException listing every problem
     */
    public PhasesContent readPhases() {
        List<String> problems = new ArrayList<>();
        PhasesContent content;
        try (InputStream in = classLoader.getResourceAsStream(PHASES)) {
            if (in == null) {
                throw new InvalidContentException(List.of(PHASES + ": missing"));
            }
            content = mapper.readValue(in, PhasesContent.class);
        } catch (IOException e) {
            throw new InvalidContentException(List.of(PHASES + ": " + describe(e)));
        }
        problems.addAll(violations(PHASES, validator.validate(content)));
        if (problems.isEmpty()) {
            Set<Phase> seen = EnumSet.noneOf(Phase.class);
            for (PhaseInfo phase : content.phases()) {
                if (!seen.add(phase.phase())) {
                    problems.add(PHASES + ": " + phase.phase() + " appears twice");
                }
                if (phase.order() != phase.phase().ordinal() + 1) {
                    problems.add(PHASES + ": " + phase.phase() + " must have order " + (phase.phase().ordinal() + 1));
                }
            }
            Set<Phase> missing = EnumSet.allOf(Phase.class);
            missing.removeAll(seen);
            if (!missing.isEmpty()) {
                problems.add(PHASES + ": must describe every phase; missing " + missing);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidContentException(problems);
        }
        List<PhaseInfo> ordered = content.phases().stream().sorted(Comparator.comparing(PhaseInfo::order)).toList();
        return new PhasesContent(content.contentVersion(), ordered);
    }

    private static <T> List<String> violations(String file, Set<ConstraintViolation<T>> violations) {
        return violations.stream().map(v -> file + ": " + v.getPropertyPath() + " " + v.getMessage()).sorted()
                .toList();
    }

    /** A parse error as "field.path: message", e.g. {@code phases[0].dose.reps.$gt: unknown field}. */
    private static String describe(IOException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            String message = mapping.getOriginalMessage();
            return path + ": " + (message.length() > 200 ? message.substring(0, 200) + "..." : message);
        }
        return e.getMessage();
    }
}
