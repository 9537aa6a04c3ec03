package org.backrelief.catalog.exercise;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.backrelief.catalog.exercise.validation.OrderedRange;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An inclusive range such as "15-20 reps" or "2-3 times a week"; a single number is {@code min == max}.
 */
@OrderedRange
@Schema(name = "Range", description = "Inclusive range, min <= max, both >= 0; a single value has min == max")
public record Range(
        @Schema(description = "Lower bound (inclusive)", example = "15", minimum = "0", maximum = "100000")
        @NotNull @PositiveOrZero @Max(Range.LIMIT) Integer min,
        @Schema(description = "Upper bound (inclusive)", example = "20", minimum = "0", maximum = "100000")
        @NotNull @PositiveOrZero @Max(Range.LIMIT) Integer max) {

    /** A sanity ceiling so a typo (or an attack) cannot store absurd numbers. */
    public static final int LIMIT = 100_000;

    public static Range of(int min, int max) {
        return new Range(min, max);
    }
}
