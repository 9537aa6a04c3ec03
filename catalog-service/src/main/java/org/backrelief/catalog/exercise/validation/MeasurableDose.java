package org.backrelief.catalog.exercise.validation;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.backrelief.catalog.exercise.Dose;

/**
 * A {@link Dose} a planner can act on: it has a hold, reps or minutes, and at most 7 times a week.
 */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
@Constraint(validatedBy = MeasurableDose.Validator.class)
public @interface MeasurableDose {

    int DAYS_PER_WEEK = 7;

    String message() default "a dose needs holdSeconds, reps or minutes";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<MeasurableDose, Dose> {
        @Override
        public boolean isValid(Dose dose, ConstraintValidatorContext context) {
            if (dose == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            if (dose.holdSeconds() == null && dose.reps() == null && dose.minutes() == null) {
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addConstraintViolation();
                valid = false;
            }
            if (dose.timesPerWeek() != null && dose.timesPerWeek().max() != null
                    && dose.timesPerWeek().max() > DAYS_PER_WEEK) {
                context.buildConstraintViolationWithTemplate("must be at most " + DAYS_PER_WEEK + " times a week")
                        .addPropertyNode("timesPerWeek").addConstraintViolation();
                valid = false;
            }
            return valid;
        }
    }
}
