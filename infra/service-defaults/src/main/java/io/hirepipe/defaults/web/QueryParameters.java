package io.hirepipe.defaults.web;

import io.hirepipe.defaults.problem.ProblemException;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads optional query parameters of list and export endpoints; a bad one is a 400 problem
 * {@code invalid-parameter} naming it in {@code parameter}. Absent or empty means "not given" (null).
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * The instants a filter may name: years written with four digits. Java reads far larger ones
     * ({@code +300000000-01-01T00:00:00Z}), but MongoDB's dates end 292 million years out and converting such an
     * instant fails inside the query, a 500 for a typo.
     */
    static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    public static Instant instant(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            Instant instant = Instant.parse(value);
            if (!storable(instant)) {
                throw new DateTimeParseException("outside years 0000 to 9999", value, 0);
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw invalid(name, "Parameter '" + name + "' must be an ISO-8601 instant such as 2026-12-01T00:00:00Z.");
        }
    }

    static boolean storable(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    public static String text(String name, String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw invalid(name, "Parameter '" + name + "' is longer than " + maxLength + " characters.");
        }
        return value;
    }

    public static ProblemException invalid(String parameter, String detail) {
        return ProblemException.badRequest("invalid-parameter", detail).with("parameter", parameter);
    }
}
