package io.hirepipe.gateway.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.util.stream.Collectors;

/**
 * One sentence a client developer can act on for an unreadable request body, naming the JSON path
 * of the offending field and never echoing internal class names. An operator object such as
 * {@code {"$gt": ""}} where a string belongs is simply a field of the wrong type.
 */
final class JsonInputProblems {

    private JsonInputProblems() {
    }

    static String describe(Throwable failure) {
        JacksonException jackson = Causes.find(failure, JacksonException.class);
        if (jackson == null) {
            return "The request body is missing or cannot be read as JSON.";
        }
        String path = jackson.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
        if (jackson instanceof StreamReadException && !(jackson instanceof MismatchedInputException)) {
            return "Malformed JSON.";
        }
        if (jackson instanceof MismatchedInputException mismatch) {
            return path.isEmpty()
                    ? "The request body has the wrong shape: expected a JSON object."
                    : "Field '" + path + "' has the wrong type (expected " + expected(mismatch.getTargetType()) + ").";
        }
        return "The request body cannot be read" + (path.isEmpty() ? "." : " at '" + path + "'.");
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "an object";
    }
}
