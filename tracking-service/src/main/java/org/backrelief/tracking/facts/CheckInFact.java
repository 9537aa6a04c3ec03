package org.backrelief.tracking.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.backrelief.common.events.PainCheckInV1;

/** One pain check-in as the tracker stores it, with the user's local day. */
public record CheckInFact(
        String eventId,
        String userId,
        String checkInId,
        String sessionId,
        int pain,
        Instant recordedAt,
        String zoneId,
        LocalDate localDate,
        String note) {

    public static CheckInFact of(String eventId, PainCheckInV1 data) {
        Instant recordedAt = data.recordedAt().truncatedTo(ChronoUnit.MILLIS);
        return new CheckInFact(eventId, data.userId(), data.checkInId(), data.sessionId(), data.pain(), recordedAt,
                data.zoneId(), recordedAt.atZone(ZoneId.of(data.zoneId())).toLocalDate(), data.note());
    }
}
