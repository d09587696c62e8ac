package io.hirepipe.scoring.grading;

import java.util.regex.Pattern;

/**
 * What a candidate says not to do: "locking in order removes the cycle, without giving up transactions", "lock in a
 * consistent order instead of removing transactions", "enforce it on the server rather than trusting the client to limit
 * itself". The action after "without", "instead of" or "rather than" is rejected, so a misconception's phrase is not
 * stated by its words, nor by its words together with the rest of the sentence ("removes … giving up transactions" is no
 * "remove transactions").
 *
 * <p>Only an action: the word after the marker (or after "just", "simply" and the like) is a verb's "-ing" form. A thing
 * after the marker is an alternative to the sentence's own object and goes with its verb ("gRPC uses protobuf instead of
 * JSON"), and "without a transaction" proposes what it names; both are read as before. The action runs to punctuation or
 * the next conjunction. Key points are read as before: "finds the rows without scanning the whole table" states its
 * point. Stateless and thread-safe.
 */
final class RejectedActions {

    private static final Pattern REJECTED = Pattern.compile(
            "\\b(?:without|instead\\s+of|rather\\s+than)\\s+(?:(?:just|simply|even|ever|really|actually)\\s+)?"
                    + "(?!(?:thing|nothing|something|anything|everything|string|spring|ring)\\b)\\p{L}+ing\\b"
                    + ".*?(?=[,;:()!?.\\n]|\\s[-–—]+\\s|\\s(?:and|but|so|because|while|whereas|which|then)\\b|$)",
            Pattern.CASE_INSENSITIVE);

    private RejectedActions() {
    }

    /** {@code text} with the actions it rejects left out. */
    static String cut(String text) {
        return REJECTED.matcher(text).replaceAll(" ");
    }
}
