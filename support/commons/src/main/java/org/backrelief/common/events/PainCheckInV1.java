package org.backrelief.common.events;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Data of {@link EventTypes#PAIN_CHECKIN_V1}: a pain rating, usually the day after a session. */
public record PainCheckInV1(
        @Min(1) @Max(1) int schemaVersion,
        @NotBlank @Size(max = 128) String userId,
        @NotBlank @Size(max = 128) String checkInId,
        @Size(max = 128) String sessionId,
        @Min(0) @Max(10) int pain,
        @NotNull Instant recordedAt,
        @NotBlank @Size(max = 64) String zoneId,
        @Size(max = 2000) String note) {

    public static final int SCHEMA_VERSION = 1;
}
