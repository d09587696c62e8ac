package io.hirepipe.defaults.problem;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a Jackson failure into one sentence a client developer can act on, naming the JSON path
 * of the offending field and what it takes; it never echoes internal class names, nor the value sent.
 */
public final class JsonProblemDescriber {

    private static final String DUPLICATE_KEY = "Duplicate Object property ";

    private JsonProblemDescriber() {
    }

    /**
     * A field whose JSON is well-formed but whose value the field cannot take, said as bean validation would
     * say it ({@code points} "is too large"), so that a problem can list it in {@code errors[]}.
     */
    public record FieldProblem(String field, String message) {

        public String sentence() {
            return "Field '" + field + "' " + message + ".";
        }
    }

    /**
     * The field problem behind this failure: a key given twice, a number too large for its field, or a required
     * number left out.
     */
    public static Optional<FieldProblem> fieldProblem(Throwable failure) {
        Optional<FieldProblem> duplicate = duplicateKey(failure);
        if (duplicate.isPresent()) {
            return duplicate;
        }
        JacksonException jackson = findCause(failure, JacksonException.class);
        if (jackson == null || pathOf(jackson).isEmpty()) {
            return Optional.empty();
        }
        if (jackson instanceof InputCoercionException overflow) {
            return Optional.of(new FieldProblem(pathOf(jackson), outOfRange(overflow)));
        }
        if (jackson instanceof MismatchedInputException mismatch && isNullForPrimitive(mismatch)) {
            return Optional.of(new FieldProblem(pathOf(jackson), "is required"));
        }
        return Optional.empty();
    }

    /**
     * The parser refuses a key repeated in one object (StrictJsonAutoConfiguration) and says so only in its message,
     * {@code Duplicate Object property "size"}; where that object sits is the parser's context at the time.
     */
    private static Optional<FieldProblem> duplicateKey(Throwable failure) {
        StreamReadException read = findCause(failure, StreamReadException.class);
        String message = read == null ? null : read.getOriginalMessage();
        if (message == null || !message.startsWith(DUPLICATE_KEY)) {
            return Optional.empty();
        }
        String key = message.substring(DUPLICATE_KEY.length()).replaceAll("^\"|\"$", "");
        String object = read.processor() == null ? "" : pathOf(read.processor().streamReadContext().getParent());
        return Optional.of(new FieldProblem(object.isEmpty() ? key : object + "." + key, "appears more than once"));
    }

    /** The JSON path of the value a parser context is at ({@code parts[1]}); empty at the root. */
    private static String pathOf(TokenStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            path.insert(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + c.currentName());
        }
        return path.toString().replaceFirst("^\\.", "");
    }

    /** Jackson keeps the number only in its message: "Numeric value (-99999999999) out of range of `int` ...". */
    private static String outOfRange(InputCoercionException overflow) {
        String message = overflow.getOriginalMessage();
        return message != null && message.startsWith("Numeric value (-") ? "is too small" : "is too large";
    }

    /**
     * A primitive field that is null or absent (Jackson reports both alike, as null); its message is the only
     * thing that tells this from a value of the wrong type.
     */
    private static boolean isNullForPrimitive(MismatchedInputException mismatch) {
        return mismatch.getTargetType() != null && mismatch.getTargetType().isPrimitive()
                && mismatch.getOriginalMessage() != null && mismatch.getOriginalMessage().startsWith("Cannot map `null`");
    }

    public static String describe(Throwable failure) {
        JacksonException jackson = findCause(failure, JacksonException.class);
        if (jackson == null) {
            return "The request body is missing or cannot be read.";
        }
        Optional<FieldProblem> fieldProblem = fieldProblem(jackson);
        if (fieldProblem.isPresent()) {
            return fieldProblem.get().sentence();
        }
        String path = pathOf(jackson);
        if (jackson instanceof StreamReadException malformed && !(jackson instanceof MismatchedInputException)) {
            return MalformedJson.describe(malformed);
        }
        if (jackson instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            return "Invalid value" + (path.isEmpty() ? "" : " at '" + path + "'") + ": "
                    + instantiation.getCause().getMessage();
        }
        if (jackson instanceof InvalidFormatException format) {
            // The value is not quoted back: what a client sent may be personal, and problems end up in logs.
            return "Field '" + path + "' must be " + friendlyType(format.getTargetType()) + ".";
        }
        if (jackson instanceof MismatchedInputException mismatch) {
            if (path.isEmpty()) {
                return "The request body has the wrong shape: expected a JSON object.";
            }
            return "Field '" + path + "' has the wrong type (expected " + friendlyType(mismatch.getTargetType()) + ").";
        }
        return "The request body cannot be read" + (path.isEmpty() ? "." : " at '" + path + "'.");
    }

    public static String pathOf(JacksonException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static String friendlyType(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 timestamp";
        }
        return "an object";
    }

    /**
     * Where the parser stopped, as a person finds it in the body they sent (" at line 2, column 14"); empty when the
     * parser does not know. It names a place, never the text there.
     */
    public static String where(JacksonException jackson) {
        TokenStreamLocation location = jackson.getLocation();
        if (location == null || location.getLineNr() < 1 || location.getColumnNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
