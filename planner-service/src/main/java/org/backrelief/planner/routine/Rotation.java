package org.backrelief.planner.routine;

import java.util.List;

import org.backrelief.planner.catalog.Candidate;
import org.backrelief.planner.progression.ProgressionRules;

/**
 * Rotation across days: each phase searches its eligible exercises from a different start each day (consecutive days
 * start at consecutive exercises), offset per plan by its seed, so consecutive sessions differ and two plans differ.
 */
final class Rotation {

    private Rotation() {
    }

    /** {@code eligible} (in catalog order) with their dose at {@code step}, starting where day {@code day} starts. */
    static Choice[] rotate(List<Candidate> eligible, int day, long seed, int phase, int step) {
        int count = eligible.size();
        Choice[] rotated = new Choice[count];
        int start = count == 0 ? 0 : Math.floorMod(day + salt(seed, phase), count);
        for (int i = 0; i < count; i++) {
            Candidate c = eligible.get((start + i) % count);
            rotated[i] = new Choice(c, ProgressionRules.dosage(c, step));
        }
        return rotated;
    }

    /** A per-phase offset from the seed, so different plans rotate differently (SplitMix64 finaliser). */
    static int salt(long seed, int phase) {
        long z = seed + 0x9E3779B97F4A7C15L * (phase + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (int) (z & 0x7fffffff);
    }
}
