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

import org.backrelief.catalog.exercise.Range;

/** A {@link Range} whose min is not greater than its max. */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
@Constraint(validatedBy = OrderedRange.Validator.class)
public @interface OrderedRange {

    String message() default "min must not be greater than max";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<OrderedRange, Range> {
        @Override
        public boolean isValid(Range range, ConstraintValidatorContext context) {
            // missing bounds are reported by @NotNull on the bounds themselves
            return range == null || range.min() == null || range.max() == null || range.min() <= range.max();
        }
    }
}
