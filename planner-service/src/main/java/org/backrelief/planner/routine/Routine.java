package org.backrelief.planner.routine;

import java.util.List;

import org.backrelief.common.domain.Phase;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One workout: the five phases in the guide's order, each with concrete prescriptions and time estimates.
 *
 * @param requestedMinutes what the profile asked for
 * @param targetSeconds what the routine aims at: the request, or less on a gentle-only day
 * @param estimatedSeconds the sum of the phase estimates (see {@link TimingModel})
 * @param step the progression step the doses come from (0-5)
 * @param day the rotation day the exercises were picked for
 */
@Schema(description = "A composed workout: five phases in order, with prescriptions, estimates and reasons")
public record Routine(
        @Schema(example = "STANDARD") Mode mode,
        @Schema(example = "30") int requestedMinutes,
        @Schema(example = "1800") int targetSeconds,
        @Schema(example = "1785") int estimatedSeconds,
        @Schema(example = "0") int step,
        @Schema(example = "0") int day,
        List<RoutinePhase> phases,
        @Schema(description = "The guide's general cautions; always present") List<String> cautions,
        @Schema(description = "Advice for today, e.g. on a gentle-only day") List<String> advice) {

    public enum Mode {
        STANDARD,
        GENTLE
    }

    @Schema(name = "RoutinePhase")
    public record RoutinePhase(
            @Schema(example = "WARM_UP") Phase phase,
            @Schema(example = "1") int order,
            @Schema(example = "Warm-up") String name,
            @Schema(example = "355") int estimatedSeconds,
            @Schema(description = "Why the phase is empty or short, when it is") String note,
            List<RoutineExercise> exercises) {
    }

    @Schema(name = "RoutineExercise")
    public record RoutineExercise(
            @Schema(example = "bird-dog") String exerciseId,
            @Schema(example = "Bird dog") String name,
            Prescription prescription,
            @Schema(example = "95") int estimatedSeconds,
            @Schema(example = "Core work steadies the spine; every strengthening block includes one core exercise.")
            String why,
            List<String> cautions,
            @Schema(example = "false") boolean consultDoctorFirst) {
    }

    /** Null fields are not part of the prescription. */
    @Schema(name = "Prescription")
    public record Prescription(
            @Schema(example = "2") Integer sets,
            @Schema(example = "10") Integer reps,
            @Schema(example = "3") Integer holdSeconds,
            @Schema(example = "true") boolean perSide,
            @Schema(example = "12") Integer minutes,
            @Schema(example = "30") Integer restSeconds,
            @Schema(example = "easy, conversational pace") String intensity,
            @Schema(example = "2 x 10 reps, hold 3 s each, per side, rest 30 s between sets") String summary) {
    }
}
