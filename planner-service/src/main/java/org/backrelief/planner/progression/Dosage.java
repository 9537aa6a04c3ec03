package org.backrelief.planner.progression;

/**
 * The dose of one exercise at one progression step; zero means "not part of this prescription".
 *
 * @param targetSets the sets this step aims for (the composer may use fewer to fit a short session)
 * @param intensity for timed cardio: how hard, once the duration has been built up; otherwise null
 */
public record Dosage(int sets, int reps, int holdSeconds, boolean perSide, int minutes, int restSeconds,
        int targetSets, String intensity) {
}
