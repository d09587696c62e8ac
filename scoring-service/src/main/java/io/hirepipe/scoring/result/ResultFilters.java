package io.hirepipe.scoring.result;

import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.web.Cursor;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads the result filters of a request; a bad one is a 400 problem naming its parameter. */
final class ResultFilters {

    private static final int MAX_TEXT = 200;

    private ResultFilters() {
    }

    static ResultQuery parse(String invitationId, String testId, String status, String passed, String submittedFrom,
                             String submittedTo, String externalReference, Cursor after) {
        Instant from = instant("submittedFrom", submittedFrom);
        Instant to = instant("submittedTo", submittedTo);
        if (from != null && to != null && !from.isBefore(to)) {
            throw invalid("submittedFrom", "Parameter 'submittedFrom' must be before 'submittedTo'.");
        }
        return new ResultQuery(invitationId, text("testId", testId), state(status), bool("passed", passed), from, to,
                text("externalReference", externalReference), after);
    }

    private static ScoringResult.State state(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return ScoringResult.State.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw invalid("status", "Parameter 'status' must be PROVISIONAL or FINAL.");
        }
    }

    private static Boolean bool(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw invalid(name, "Parameter '" + name + "' must be true or false.");
        };
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name, "Parameter '" + name + "' must be an ISO-8601 instant such as 2026-12-01T00:00:00Z.");
        }
    }

    private static String text(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw invalid(name, "Parameter '" + name + "' is longer than " + MAX_TEXT + " characters.");
        }
        return value;
    }

    private static ProblemException invalid(String parameter, String detail) {
        return ProblemException.badRequest("invalid-parameter", detail).with("parameter", parameter);
    }
}
