package org.backrelief.catalog.exercise;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.backrelief.catalog.exercise.validation.ContentFile;
import org.backrelief.catalog.exercise.validation.MeasurableDose;
import org.backrelief.common.domain.Source;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How much of an exercise to do in one phase. Only the parts the guide gives are set; at least one of
 * {@code holdSeconds}, {@code reps} or {@code minutes} is required so a planner can always dose it.
 */
@MeasurableDose
@Schema(name = "Dose", description = "The dose of an exercise in one phase; null parts are not prescribed")
public record Dose(
        @Schema(description = "Hold per repetition, in seconds", example = "{\"min\": 2, \"max\": 2}")
        @Valid Range holdSeconds,
        @Schema(description = "Repetitions per set", example = "{\"min\": 15, \"max\": 20}")
        @Valid Range reps,
        @Schema(description = "Number of sets", example = "{\"min\": 2, \"max\": 3}")
        @Valid Range sets,
        @Schema(description = "The reps or hold apply to each side (left and right)", example = "false",
                defaultValue = "false")
        Boolean perSide,
        @Schema(description = "Duration in minutes, for timed activities", example = "{\"min\": 10, \"max\": 30}")
        @Valid Range minutes,
        @Schema(description = "Rest between sets, in seconds", example = "30", minimum = "0", maximum = "600")
        @PositiveOrZero @Max(600) Integer restSeconds,
        @Schema(description = "How many times per week (max 7)", example = "{\"min\": 2, \"max\": 3}")
        @Valid Range timesPerWeek,
        @Schema(description = "Dose note in plain words; says so where the guide gives no number",
                example = "Hold 2 s at the top.", maxLength = 300)
        @Size(max = 300) String note,
        @Schema(description = "Where the numbers come from: GUIDE (as the guide states them) or DEFAULT (the guide is "
                + "silent on at least one of them and BackRelief chose it; sourceNote names the source). Required in "
                + "content files", example = "GUIDE")
        @NotNull(groups = ContentFile.class) Source source,
        @Schema(description = "For a DEFAULT dose: which numbers are not from the guide and where they come from",
                example = "BackRelief default within the ACSM resistance-training guidance.", maxLength = 300)
        @Size(max = 300) String sourceNote) {

    public Dose {
        perSide = perSide != null && perSide;
    }

    /** A dose without its source (unknown: e.g. written through the API by an older client). */
    public Dose(Range holdSeconds, Range reps, Range sets, Boolean perSide, Range minutes, Integer restSeconds,
            Range timesPerWeek, String note) {
        this(holdSeconds, reps, sets, perSide, minutes, restSeconds, timesPerWeek, note, null, null);
    }
}
