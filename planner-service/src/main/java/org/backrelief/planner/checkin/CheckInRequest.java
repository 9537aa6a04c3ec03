package org.backrelief.planner.checkin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.backrelief.planner.support.Ids;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/v1/me/checkins}: pain today, usually the day after a session. */
@Schema(description = "A pain check-in")
public record CheckInRequest(
        @NotNull @Min(0) @Max(10) @Schema(example = "2") Integer pain,
        @Pattern(regexp = Ids.ID_PATTERN, message = Ids.ID_MESSAGE)
        @Schema(description = "The completed session this refers to; default: the latest completed one") String sessionId,
        @Size(max = 2000) @Schema(example = "A bit stiff in the morning") String note) {
}
