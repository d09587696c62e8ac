package io.hirepipe.defaults.problem;

import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;

import java.util.List;

/**
 * The sentence for a body that is not JSON: where the parser stopped and what kind of mistake it met there. The
 * parser's own message quotes the text it stopped at, and a body can carry an answer, a password or a webhook
 * secret, so the kind is chosen from a fixed list by how that message begins and the message itself is never
 * repeated.
 */
final class MalformedJson {

    private record Kind(String messageStart, String words) {
    }

    /** Jackson's messages for each kind begin the same way whatever the text; the words say it for a client. */
    private static final List<Kind> KINDS = List.of(
            new Kind("Unrecognized token", "unrecognized token (a string without quotes?)"),
            new Kind("Unexpected character", "unexpected character"),
            new Kind("Illegal unquoted character", "a control character in a string must be escaped"),
            new Kind("Unexpected close marker", "unexpected closing bracket"),
            new Kind("Unrecognized character escape", "invalid escape in a string"),
            new Kind("Invalid UTF-8", "invalid UTF-8"),
            new Kind("Invalid numeric value", "invalid number"),
            new Kind("Non-standard token", "invalid number"));

    private MalformedJson() {
    }

    static String describe(StreamReadException failure) {
        return "Malformed JSON" + JsonProblemDescriber.where(failure) + kind(failure) + ".";
    }

    private static String kind(StreamReadException failure) {
        if (failure instanceof UnexpectedEndOfInputException) {
            return ": unexpected end of input";
        }
        String message = failure.getOriginalMessage();
        if (message == null) {
            return "";
        }
        return KINDS.stream().filter(kind -> message.startsWith(kind.messageStart())).findFirst()
                .map(kind -> ": " + kind.words()).orElse("");
    }
}
