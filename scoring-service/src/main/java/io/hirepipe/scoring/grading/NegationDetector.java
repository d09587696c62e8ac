package io.hirepipe.scoring.grading;

import java.util.regex.Pattern;

/**
 * Tells whether a clause is negated ("replication does not copy data", "there is no cost for
 * inserts", "you never need HTTPS"). A negated clause cannot meet a key point stated positively, and a
 * positive clause cannot meet one stated negatively ("does not block"): polarity has to agree.
 *
 * <p>Deliberately not negations: "without" (a key point may well say "find rows without a full table
 * scan"), "not only/just" (which adds rather than denies), and "non-" prefixes ("non-blocking").
 */
public final class NegationDetector {

    private static final Pattern NEGATION = Pattern.compile(
            "\\b(?:not(?!\\s+(?:only|just|necessarily\\s+bad))|no|never|none|nothing|neither|nor|cannot|isnt|dont|doesnt|wont|cant)\\b"
                    + "|n['’]t\\b",
            Pattern.CASE_INSENSITIVE);

    public boolean isNegated(String clause) {
        return clause != null && NEGATION.matcher(clause).find();
    }
}
