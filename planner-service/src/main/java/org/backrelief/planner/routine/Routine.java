package org.backrelief.planner.routine;

import java.util.List;

import org.backrelief.common.domain.Phase;
import org.backrelief.common.domain.Source;
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
        @Schema(description = "Advice for today, e.g. on a gentle-only day") List<String> advice,
        @Schema(description = "Prominent notices to show once, above the routine (e.g. DOCTOR_CHECK_BEFORE_STRENGTHENING "
                + "until the profile says the person has checked with their doctor); empty when none")
        List<Notice> notices) {

    public Routine {
        notices = notices == null ? List.of() : notices; // routines stored before notices existed
    }

    public Routine(Mode mode, int requestedMinutes, int targetSeconds, int estimatedSeconds, int step, int day,
            List<RoutinePhase> phases, List<String> cautions, List<String> advice) {
        this(mode, requestedMinutes, targetSeconds, estimatedSeconds, step, day, phases, cautions, advice, List.of());
    }

    public enum NoticeCode {
        /** The routine has strengthening and the profile does not record a doctor's check about strengthening. */
        DOCTOR_CHECK_BEFORE_STRENGTHENING
    }

    @Schema(name = "RoutineNotice", description = "A notice to show once, prominently, with the routine")
    public record Notice(
            @Schema(example = "DOCTOR_CHECK_BEFORE_STRENGTHENING") NoticeCode code,
            @Schema(example = "Before you start any strengthening exercise, check with your doctor that it is safe for you.")
            String message) {

        public static final Notice DOCTOR_CHECK = new Notice(NoticeCode.DOCTOR_CHECK_BEFORE_STRENGTHENING,
                "Before you start any strengthening exercise, check with your doctor that strengthening is safe for"
                        + " you (the guide asks for this). Once you have, say so in your profile"
                        + " (doctorCheckedStrengthening) and this notice goes away.");
    }

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
            @Schema(example = "2 x 10 reps, hold 3 s each, per side, rest 30 s between sets") String summary,
            @Schema(description = "Where the dose comes from: GUIDE (the guide's numbers) or DEFAULT (the guide gives "
                    + "none; doseSourceNote names the source)", example = "GUIDE") Source doseSource,
            @Schema(description = "For a DEFAULT dose: which numbers are not the guide's and their source")
            String doseSourceNote) {
    }
}
