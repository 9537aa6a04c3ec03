package org.backrelief.tracking.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.backrelief.common.problem.ProblemException;

/**
 * Query parameters parsed by hand, so that a malformed value is a 400 naming the parameter (a failed JAX-RS
 * conversion of a query parameter would be a 404).
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be an ISO date (yyyy-MM-dd)");
        }
    }

    public static int integer(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < min || parsed > max) {
                throw ProblemException.badRequest(name, "must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, "must be a whole number");
        }
    }

    public static void requireOrdered(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ProblemException.badRequest("from", "must not be after 'to'");
        }
    }
}
