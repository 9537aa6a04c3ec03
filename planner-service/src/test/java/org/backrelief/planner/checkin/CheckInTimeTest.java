package org.backrelief.planner.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.backrelief.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

class CheckInTimeTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");

    @Test
    void withoutAnAnsweredTimeTheArrivalCounts() {
        assertThat(CheckInTime.answeredAt(null, NOW)).isEqualTo(NOW);
    }

    @Test
    void aCheckInAnsweredOfflineKeepsTheTimeItWasAnsweredToTheMillisecond() {
        Instant yesterdayEvening = Instant.parse("2026-03-09T20:15:30.123456Z");
        assertThat(CheckInTime.answeredAt(yesterdayEvening, NOW)).isEqualTo(Instant.parse("2026-03-09T20:15:30.123Z"));
    }

    @Test
    void aWeekBackIsStillTakenAndOneMillisecondMoreIsRefusedNamingTheField() {
        Instant weekBack = NOW.minus(CheckInTime.MAX_DELAY);
        assertThat(CheckInTime.answeredAt(weekBack, NOW)).isEqualTo(weekBack);
        assertRefused(weekBack.minusMillis(1), "within the last 7 days");
    }

    @Test
    void aDeviceClockSlightlyAheadIsReadAsNowButTheFutureIsRefused() {
        assertThat(CheckInTime.answeredAt(NOW.plus(CheckInTime.CLOCK_SKEW), NOW)).isEqualTo(NOW);
        assertRefused(NOW.plus(CheckInTime.CLOCK_SKEW).plus(Duration.ofSeconds(1)), "future");
    }

    private static void assertRefused(Instant answeredAt, String why) {
        assertThatThrownBy(() -> CheckInTime.answeredAt(answeredAt, NOW))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.violations()).singleElement()
                            .satisfies(v -> {
                                assertThat(v.field()).isEqualTo("answeredAt");
                                assertThat(v.message()).contains(why);
                            });
                });
    }
}
