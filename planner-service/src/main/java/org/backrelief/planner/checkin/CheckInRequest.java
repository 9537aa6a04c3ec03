package org.backrelief.planner.checkin;

import java.time.Instant;

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
        @Size(max = 2000) @Schema(example = "A bit stiff in the morning") String note,
        @Schema(description = "When the person answered, for a check-in made offline and sent later; default: when it"
                + " arrives. Within the last 7 days, not in the future (5 minutes of clock difference are allowed)",
                example = "2026-03-02T08:15:00Z") Instant answeredAt) {
}
