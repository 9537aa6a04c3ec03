package org.backrelief.catalog.exercise;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.backrelief.catalog.exercise.validation.ContentFile;
import org.backrelief.catalog.exercise.validation.ValidExercise;
import org.backrelief.common.domain.Equipment;
import org.backrelief.common.domain.Impact;
import org.backrelief.common.domain.Level;
import org.backrelief.common.domain.Position;
import org.backrelief.common.domain.Target;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An exercise or activity of the guide. This record IS the schema: a content file
 * ({@code content/exercises/<id>.json}) is this JSON without the server-managed fields, and the API reads and writes
 * the same JSON. Bean Validation enforces the rules; {@link ContentFile} adds the rules for data files.
 */
@ValidExercise
@Schema(name = "Exercise", description = "An exercise or activity of the guide, modelled once with a dose per phase. "
        + "The same JSON is the content-file format (content/exercises/<id>.json); read-only fields are managed by "
        + "the server and ignored on writes.")
public record Exercise(
        @Schema(description = "Stable slug id; also the content file name", example = "glute-bridge", maxLength = 64,
                pattern = Exercise.SLUG)
        @NotBlank @Size(max = 64) @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String id,

        @Schema(description = "Version of the content file last applied (content files must set it and bump it on "
                + "every change); null for exercises created through the API", example = "1", readOnly = true)
        @NotNull(groups = ContentFile.class) @Min(1) Integer contentVersion,

        @Schema(description = "Display name", example = "Glute bridge", maxLength = 80)
        @NotBlank @Size(max = 80) String name,

        @Schema(description = "Other names for it; searched by q", example = "[\"bridge\", \"bridge pose\"]")
        @Size(max = 20) List<@NotBlank @Size(max = 60) String> aliases,

        @Schema(description = "What it is and what it does, in one or two sentences", maxLength = 500,
                example = "Lying on your back, you lift your hips to make a straight line from shoulders to knees.")
        @NotBlank @Size(max = 500) String summary,

        @Schema(description = "Ordered steps in plain words",
                example = "[\"Lie on your back with your knees bent.\", \"Lift your hips.\", \"Lower slowly.\"]")
        @NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 500) String> steps,

        @Schema(description = "The phases it belongs to, each at most once, with the dose in each")
        @NotEmpty @Size(max = 5) List<@NotNull @Valid PhaseDose> phases,

        @Schema(description = "Body areas it works", example = "[\"GLUTES\", \"CORE\"]")
        @NotEmpty @Size(max = 11) List<@NotNull Target> targets,

        @Schema(description = "Equipment it requires; empty means none (NONE is only a filter value)",
                example = "[\"CHAIR\"]")
        @Size(max = 9) List<@NotNull Equipment> equipment,

        @Schema(description = "Body position", example = "SUPINE")
        @NotNull Position position,

        @Schema(description = "Done down on the floor (getting down and up is part of it)", example = "true")
        @NotNull Boolean floor,

        @Schema(description = "Impact on the joints", example = "NONE")
        @NotNull Impact impact,

        @Schema(description = "Difficulty from 1 (easiest) to 5 (hardest)", example = "2", minimum = "1",
                maximum = "5")
        @NotNull @Min(1) @Max(5) Integer difficulty,

        @Schema(description = "Lowest fitness level it suits (shuffles and sprints are ADVANCED)",
                example = "BEGINNER")
        @NotNull Level minLevel,

        @Schema(description = "Breathing cue", example = "Breathe out as you lift, in as you lower.",
                maxLength = 300)
        @Size(max = 300) String breathing,

        @Schema(description = "Cautions and stop rules from the guide",
                example = "[\"Stop if you feel pain; a mild stretch or effort is fine, sharp pain is not.\"]")
        @Size(max = 20) List<@NotBlank @Size(max = 300) String> cautions,

        @Schema(description = "The guide says to check with a doctor before starting it", example = "true")
        @NotNull Boolean consultDoctorFirst,

        @Schema(description = "Variants from easier to harder, including this exercise's own id; "
                + "defaults to just this exercise", example = "[\"plank\", \"side-plank\"]")
        @Size(max = 20) List<@NotBlank @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String> ladder,

        @Schema(description = "Content files only (ignored by the API): a newer contentVersion of the file replaces "
                + "API edits made before this instant; without it, API edits win", example = "2026-01-01T00:00:00Z",
                writeOnly = true)
        Instant replacesApiEditsBefore,

        @Schema(description = "Optimistic-concurrency version, incremented on every change. Send it back on PUT "
                + "(or send the ETag in If-Match)", example = "3")
        @Null(groups = ContentFile.class) Long version,

        @Schema(description = "Soft-deleted: hidden from lists, still readable by id", example = "false",
                readOnly = true)
        @Null(groups = ContentFile.class) Boolean deleted,

        @Schema(description = "Time of the last change", example = "2025-11-25T14:50:00Z", readOnly = true)
        @Null(groups = ContentFile.class) Instant updatedAt,

        @Schema(description = "Where it was created: CONTENT (a data file) or API", example = "CONTENT",
                readOnly = true)
        @Null(groups = ContentFile.class) Origin origin,

        @Schema(description = "Changed through the API since it was last loaded from a file; such edits are never "
                + "overwritten by an unchanged content file", example = "false", readOnly = true)
        @Null(groups = ContentFile.class) Boolean editedViaApi) {

    public static final String SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$";
    static final String SLUG_MESSAGE = "must be a lower-case slug such as glute-bridge";

    public Exercise {
        // Optional lists default to empty so readers never null-check; the ladder defaults to the exercise alone.
        aliases = aliases == null ? List.of() : aliases;
        equipment = equipment == null ? List.of() : equipment;
        cautions = cautions == null ? List.of() : cautions;
        ladder = ladder == null ? (id == null ? List.of() : List.of(id)) : ladder;
    }
}
