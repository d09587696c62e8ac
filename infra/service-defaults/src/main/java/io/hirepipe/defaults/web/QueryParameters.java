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

    public static Instant instant(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name, "Parameter '" + name + "' must be an ISO-8601 instant such as 2026-12-01T00:00:00Z.");
        }
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
