package org.backrelief.tracking.stats;

import static org.backrelief.tracking.support.Activity.checkInFact;
import static org.backrelief.tracking.support.Activity.done;
import static org.backrelief.tracking.support.Activity.session;
import static org.backrelief.tracking.support.Activity.skipped;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.backrelief.common.domain.Phase;
import org.backrelief.tracking.facts.CheckInFact;
import org.backrelief.tracking.facts.SessionFact;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Statistics are a function of the set of facts: the order events arrive in cannot change them. */
class OrderIndependenceTest {

    private static final String[] ZONES = { "UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata" };
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC);

    @Property(tries = 50)
    void statisticsDoNotDependOnArrivalOrder(@ForAll @IntRange(min = 0, max = 40) int count, @ForAll long seed) {
        Random random = new Random(seed);
        List<SessionFact> sessions = new ArrayList<>();
        List<CheckInFact> checkIns = new ArrayList<>();
        Instant start = Instant.parse("2024-03-01T00:00:00Z");
        for (int i = 0; i < count; i++) {
            Instant at = start.plusSeconds(random.nextInt(60 * 86_400));
            String zone = ZONES[random.nextInt(ZONES.length)];
            sessions.add(session("u", "s" + i, at.toString(), zone)
                    .pain(random.nextInt(11), random.nextInt(11))
                    .plan("p", 1 + random.nextInt(8), random.nextInt(5))
                    .perWeek(1 + random.nextInt(5))
                    .exercise(random.nextBoolean() ? done("plank", Phase.STRENGTHENING, 3, null, random.nextInt(90), 120)
                            : skipped("plank", Phase.STRENGTHENING, "tired"))
                    .exercise(done("bird-dog", Phase.STRENGTHENING, 2, random.nextInt(20), null, 90))
                    .fact());
            if (random.nextBoolean()) {
                checkIns.add(checkInFact("u", "c" + i, random.nextInt(11), at.plusSeconds(86_400).toString(), zone));
            }
        }
        UserStatistics expected = UserStatistics.of("u", sessions, checkIns, CLOCK);

        List<SessionFact> shuffledSessions = new ArrayList<>(sessions);
        List<CheckInFact> shuffledCheckIns = new ArrayList<>(checkIns);
        Collections.shuffle(shuffledSessions, random);
        Collections.shuffle(shuffledCheckIns, random);

        assertEquals(expected, UserStatistics.of("u", shuffledSessions, shuffledCheckIns, CLOCK));
    }
}
