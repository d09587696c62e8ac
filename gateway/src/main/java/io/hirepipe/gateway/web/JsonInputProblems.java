package io.hirepipe.gateway.web;

import io.hirepipe.defaults.problem.JsonProblemDescriber;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.util.Optional;

/**
 * One sentence a client developer can act on for an unreadable request body, naming the JSON path
 * of the offending field and never echoing internal class names. An operator object such as
 * {@code {"$gt": ""}} where a string belongs is simply a field of the wrong type. The services'
 * wording is used (a value outside an enum lists the allowed ones), except that for malformed JSON the edge
 * names only the line and column, not the parser's message: that quotes the body, and sign-in, refresh and
 * API key bodies carry passwords and tokens.
 */
final class JsonInputProblems {

    private JsonInputProblems() {
    }

    static String describe(Throwable failure) {
        // A key given twice is a parser error too, but one that names its field without echoing the body.
        Optional<JsonProblemDescriber.FieldProblem> field = JsonProblemDescriber.fieldProblem(failure);
        if (field.isPresent()) {
            return field.get().sentence();
        }
        JacksonException jackson = Causes.find(failure, JacksonException.class);
        if (jackson instanceof StreamReadException && !(jackson instanceof MismatchedInputException)) {
            return "Malformed JSON" + JsonProblemDescriber.where(jackson) + ".";
        }
        return JsonProblemDescriber.describe(failure);
    }
}
