package org.backrelief.tracking.ingest;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The Bean Validation constraints of one record component, read once from its annotations so that
 * {@link SessionDataReader} can check a value where it reads it, with no validator call per event. The annotations
 * stay the one home of the rules; this only evaluates the five kinds the event records use ({@code @NotNull},
 * {@code @NotBlank}, {@code @Size}, {@code @Min}, {@code @Max}, plus {@code @Valid @NotNull} list elements), with
 * Bean Validation's semantics (null passes all but the first two). A component with any other constraint makes
 * {@link #of} fail, and the reader then leaves every event to the validator.
 */
record ComponentConstraint(String name, boolean notNull, boolean notBlank, int minSize, int maxSize, long min, long max,
        boolean elementsNotNull) {

    static ComponentConstraint of(Class<? extends Record> type, String name) {
        RecordComponent component = Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals(name))
                .findFirst().orElseThrow(() -> new IllegalStateException(type.getSimpleName() + " has no " + name));
        boolean notNull = false;
        boolean notBlank = false;
        int minSize = 0;
        int maxSize = Integer.MAX_VALUE;
        long min = Long.MIN_VALUE;
        long max = Long.MAX_VALUE;
        // Bean Validation's constraints target methods, fields, parameters and type uses, not record components:
        // on a record they land on the accessor (and, as type-use annotations, on the component's type)
        List<Annotation> annotations = new ArrayList<>(List.of(component.getAccessor().getAnnotations()));
        annotations.addAll(List.of(component.getAnnotatedType().getAnnotations()));
        for (Annotation annotation : annotations) {
            if (annotation instanceof NotNull) {
                notNull = true;
            } else if (annotation instanceof NotBlank) {
                notBlank = true;
            } else if (annotation instanceof Size size) {
                minSize = size.min();
                maxSize = size.max();
            } else if (annotation instanceof Min m) {
                min = m.value();
            } else if (annotation instanceof Max m) {
                max = m.value();
            } else if (annotation.annotationType().isAnnotationPresent(Constraint.class)) {
                throw new IllegalStateException(type.getSimpleName() + "." + name + ": " + annotation
                        + " is not evaluated by ComponentConstraint");
            }
        }
        boolean elementsNotNull = false;
        AnnotatedType annotated = component.getAnnotatedType();
        if (annotated instanceof AnnotatedParameterizedType parameterized) {
            for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
                for (Annotation annotation : argument.getAnnotations()) {
                    if (annotation instanceof NotNull) {
                        elementsNotNull = true;
                    } else if (!(annotation instanceof Valid)) {
                        throw new IllegalStateException(type.getSimpleName() + "." + name + ": element " + annotation
                                + " is not evaluated by ComponentConstraint");
                    }
                }
            }
        }
        return new ComponentConstraint(name, notNull, notBlank, minSize, maxSize, min, max, elementsNotNull);
    }

    boolean accepts(String value) {
        if (value == null) {
            return !notNull && !notBlank;
        }
        if (notBlank && value.trim().isEmpty()) { // Hibernate Validator's definition of blank
            return false;
        }
        return value.length() >= minSize && value.length() <= maxSize;
    }

    boolean accepts(Integer value) {
        if (value == null) {
            return !notNull && !notBlank;
        }
        return value >= min && value <= max;
    }

    boolean accepts(int value) {
        return value >= min && value <= max;
    }

    /** For a collection or any other object (size limits apply to collections only). */
    boolean acceptsObject(Object value) {
        if (value == null) {
            return !notNull && !notBlank;
        }
        if (value instanceof Collection<?> collection) {
            return collection.size() >= minSize && collection.size() <= maxSize;
        }
        return true;
    }
}
