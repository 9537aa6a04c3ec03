package org.backrelief.planner.plan;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/v1/me/plans}; every field is optional. */
@Schema(description = "Program options; the profile supplies everything else")
public record CreatePlanRequest(
        @Min(ProgramBuilder.MIN_WEEKS) @Max(ProgramBuilder.MAX_WEEKS) @Schema(example = "6", defaultValue = "6") Integer weeks,
        @Schema(description = "First day, in your time zone; default today. Up to 14 days back, 28 ahead",
                example = "2025-03-03") LocalDate startDate) {
}
