package org.backrelief.catalog.exercise;

import java.util.List;

import jakarta.ws.rs.QueryParam;

import org.backrelief.common.domain.Equipment;
import org.backrelief.common.domain.Impact;
import org.backrelief.common.domain.Level;
import org.backrelief.common.domain.Phase;
import org.backrelief.common.domain.Position;
import org.backrelief.common.domain.Target;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The raw query parameters of an exercise list. They arrive as text and are parsed by {@link ExerciseCriteria}, so a
 * bad value becomes a 400 problem naming the parameter (JAX-RS would turn a failed conversion into a 404).
 */
public class ExerciseQueryParams {

    @QueryParam("phase")
    @Parameter(description = "Only exercises of this phase", schema = @Schema(implementation = Phase.class),
            example = "STRETCHING")
    public String phase;

    @QueryParam("target")
    @Parameter(description = "Only exercises working this area", schema = @Schema(implementation = Target.class),
            example = "LOWER_BACK")
    public String target;

    @QueryParam("equipment")
    @Parameter(description = "Repeatable: the equipment you have. Only exercises whose required equipment is all "
            + "in this set qualify; NONE means you have nothing", schema = @Schema(implementation = Equipment[].class),
            example = "[\"CHAIR\", \"MAT\"]")
    public List<String> equipment;

    @QueryParam("position")
    @Parameter(description = "Only exercises in this body position", schema = @Schema(implementation = Position.class),
            example = "STANDING")
    public String position;

    @QueryParam("excludePosition")
    @Parameter(description = "Repeatable: leave out exercises in these positions", example = "[\"PRONE\"]",
            schema = @Schema(implementation = Position[].class))
    public List<String> excludePosition;

    @QueryParam("impact")
    @Parameter(description = "Only exercises with exactly this impact", schema = @Schema(implementation = Impact.class),
            example = "NONE")
    public String impact;

    @QueryParam("maxDifficulty")
    @Parameter(description = "Only exercises at most this difficulty (1-5)", example = "2",
            schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "5"))
    public String maxDifficulty;

    @QueryParam("level")
    @Parameter(description = "Only exercises suitable for this fitness level (minLevel at or below it)",
            schema = @Schema(implementation = Level.class), example = "BEGINNER")
    public String level;

    @QueryParam("q")
    @Parameter(description = "Case-insensitive text search in name, aliases and summary (plain text, max 100 chars)",
            example = "bridge")
    public String q;

    @QueryParam("page")
    @Parameter(description = "0-based page number", example = "0",
            schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "0", defaultValue = "0"))
    public String page;

    @QueryParam("size")
    @Parameter(description = "Page size, 1-100", example = "20",
            schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "100", defaultValue = "20"))
    public String size;

    @QueryParam("sort")
    @Parameter(description = "Comma-separated sort keys: name, difficulty, id, updatedAt; prefix - for descending",
            example = "-difficulty,name")
    public String sort;
}
