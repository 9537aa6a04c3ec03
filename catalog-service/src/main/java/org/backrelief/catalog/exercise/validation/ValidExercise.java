package org.backrelief.catalog.exercise.validation;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.backrelief.catalog.exercise.Exercise;
import org.backrelief.catalog.exercise.PhaseDose;
import org.backrelief.common.domain.Equipment;
import org.backrelief.common.domain.Phase;

/**
 * Rules that span several fields of an {@link Exercise}: each phase at most once, the ladder includes the exercise
 * itself and has no repeats, and {@code NONE} is never listed as required equipment. Each violation names its field.
 */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
@Constraint(validatedBy = ValidExercise.Validator.class)
public @interface ValidExercise {

    String message() default "invalid exercise";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidExercise, Exercise> {

        @Override
        public boolean isValid(Exercise exercise, ConstraintValidatorContext context) {
            if (exercise == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            if (exercise.phases() != null) {
                Set<Phase> seen = EnumSet.noneOf(Phase.class);
                for (PhaseDose entry : exercise.phases()) {
                    if (entry != null && entry.phase() != null && !seen.add(entry.phase())) {
                        valid = violation(context, "phases", "each phase may appear only once; " + entry.phase()
                                + " is repeated");
                    }
                }
            }
            if (exercise.ladder() != null && !exercise.ladder().isEmpty()) {
                if (exercise.id() != null && !exercise.ladder().contains(exercise.id())) {
                    valid = violation(context, "ladder", "must include the exercise's own id");
                }
                if (new HashSet<>(exercise.ladder()).size() != exercise.ladder().size()) {
                    valid = violation(context, "ladder", "must not repeat an id");
                }
            }
            if (exercise.equipment() != null && exercise.equipment().contains(Equipment.NONE)) {
                valid = violation(context, "equipment",
                        "NONE is only a filter value; an exercise without equipment has an empty list");
            }
            return valid;
        }

        private static boolean violation(ConstraintValidatorContext context, String field, String message) {
            // messages carry no user text, so they are safe as templates
            context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
            return false;
        }
    }
}
