package org.backrelief.planner.routine;

import static org.assertj.core.api.Assertions.assertThat;

import org.backrelief.common.domain.Phase;
import org.backrelief.common.domain.Position;
import org.backrelief.planner.catalog.Candidate;
import org.backrelief.planner.profile.AvoidPosition;
import org.backrelief.planner.testsupport.CatalogContent;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: the guide's cool-down cat/cow is done lying on the back, its warm-up and stretching versions on all fours;
 * avoided positions are checked against the version of the phase.
 */
class PhasePositionTest {

    @Test
    void theCoolDownCatCowIsRuledOutByAvoidingLyingOnTheBackNotByAvoidingKneeling() {
        Candidate coolDown = candidate("cat-camel", Phase.COOL_DOWN);
        assertThat(coolDown.position()).isEqualTo(Position.SUPINE);
        assertThat(excludes(coolDown, AvoidPosition.SUPINE)).isTrue();
        assertThat(excludes(coolDown, AvoidPosition.KNEELING)).isFalse();
        assertThat(excludes(coolDown, AvoidPosition.ALL_FOURS)).isFalse();
        assertThat(excludes(coolDown, AvoidPosition.FLOOR)).isTrue();

        Candidate warmUp = candidate("cat-camel", Phase.WARM_UP);
        assertThat(warmUp.position()).isEqualTo(Position.ALL_FOURS);
        assertThat(excludes(warmUp, AvoidPosition.KNEELING)).isTrue();
        assertThat(excludes(warmUp, AvoidPosition.SUPINE)).isFalse();
    }

    private static boolean excludes(Candidate c, AvoidPosition avoid) {
        return (c.avoidMask() & (1 << avoid.ordinal())) != 0;
    }

    static Candidate candidate(String id, Phase phase) {
        return CatalogContent.snapshot().candidates(phase).stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow();
    }
}
