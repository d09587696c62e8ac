package io.hirepipe.scoring.result;

import io.hirepipe.defaults.web.Cursor;
import io.hirepipe.defaults.web.QueryParameters;

import java.time.Instant;

import static io.hirepipe.defaults.web.QueryParameters.instant;
import static io.hirepipe.defaults.web.QueryParameters.invalid;

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

    private static String text(String name, String value) {
        return QueryParameters.text(name, value, MAX_TEXT);
    }
}
