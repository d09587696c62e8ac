package io.hirepipe.scoring.grading;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells whether a clause is negated ("replication does not copy data", "there is no cost for
 * inserts", "you never need HTTPS"). A negated clause cannot meet a key point stated positively, and a
 * positive clause cannot meet one stated negatively ("does not block"): polarity has to agree.
 *
 * <p>Deliberately not negations: "without" (a key point may well say "find rows without a full table
 * scan"), "not only/just" (which adds rather than denies), "not sure/certain" (which doubts rather than denies:
 * "I'm not sure that is enough" is a hedge, {@link HedgeDetector}) and "non-" prefixes ("non-blocking").
 *
 * <p>Scope: a negation inside a condition ("if the value isn't cached, …", "when the nodes can't talk to
 * each other, you must choose …", "… or by their address if they don't have a key") states when the
 * clause applies, not that its statement is false, so it does not negate the clause. A condition ends
 * at punctuation or "then"; one that runs to the end of the clause is the clause's last part when words
 * come before it. When a clause opens with a condition and has no punctuation, where the condition
 * ends is unknown; the negation is then taken as the condition's only when a subject pronoun follows it
 * ("if the value isn't there it fetches it"), so "when the primary fails the replica does not take
 * over" stays a denial.
 */
public final class NegationDetector {

    private static final Pattern NEGATION = Pattern.compile(
            "\\b(?:not(?!\\s+(?:only|just|necessarily\\s+bad|" + HedgeDetector.SURE + "\\b))|no|never|none|nothing|neither|nor|cannot|isnt|dont|doesnt|wont|cant)\\b"
                    + "|n['’]t\\b",
            Pattern.CASE_INSENSITIVE);

    /** EXPERIMENT (session 15): "doesn't just", "isn't only", "not merely" add rather than deny, as "not only" does. */
    public static volatile boolean focusScope = false;
    /** EXPERIMENT (session 15): a negation in a result or reason clause after a statement ("X, so Y can't Z"). */
    public static volatile boolean resultScope = false;

    private static final Pattern RESULT = Pattern.compile("\\b(?:so|because|since)\\b", Pattern.CASE_INSENSITIVE);

    private static final Pattern NEGATION_FOCUS = Pattern.compile(
            "\\b(?:not(?!\\s+(?:only|just|merely|necessarily\\s+bad|" + HedgeDetector.SURE + "\\b))|no|never|none|nothing|neither|nor|cannot"
                    + "|(?:isnt|dont|doesnt|wont|cant)(?!\\s+(?:only|just|merely)\\b))\\b"
                    + "|n['’]t\\b(?!\\s+(?:only|just|merely)\\b)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern CONDITION = Pattern.compile("\\b(?:if|unless|when|whenever|in\\s+case)\\b",
            Pattern.CASE_INSENSITIVE);

    /** Where a condition ends: punctuation, a dash between words, or "then". */
    private static final Pattern CONDITION_END = Pattern.compile("[,;:()]|\\s[-–—]+\\s|\\bthen\\b",
            Pattern.CASE_INSENSITIVE);

    /** The subject of a main clause that follows a condition without a comma: "if it isn't cached we load it". */
    private static final Pattern SUBJECT_PRONOUN = Pattern.compile("\\b(?:it|they|we|you|i|he|she)\\b",
            Pattern.CASE_INSENSITIVE);

    /** What may open a condition without being a statement before it: "and if …", "but even when …". */
    private static final Pattern OPENING = Pattern.compile("(?:\\W|\\b(?:and|but|or|so|then|even|only|just)\\b)*",
            Pattern.CASE_INSENSITIVE);

    public boolean isNegated(String clause) {
        if (clause == null) {
            return false;
        }
        Matcher m = (focusScope ? NEGATION_FOCUS : NEGATION).matcher(clause);
        while (m.find()) {
            if (!insideCondition(clause, m.start(), m.end()) && !(resultScope && insideResult(clause, m.start()))) {
                return true;
            }
        }
        return false;
    }

    /** EXPERIMENT: the negation at start lies in a result or reason clause that follows a statement of the same text. */
    private static boolean insideResult(String clause, int start) {
        int result = -1;
        Matcher c = RESULT.matcher(clause).region(0, start);
        while (c.find()) {
            result = c.start();
        }
        if (result < 0 || CONDITION_END.matcher(clause).region(result, start).find()) {
            return false;
        }
        return !OPENING.matcher(clause).region(0, result).matches();
    }

    /** Whether the negation at [start, end) belongs to a condition of the clause rather than to its statement. */
    private static boolean insideCondition(String clause, int start, int end) {
        int condition = -1;
        Matcher c = CONDITION.matcher(clause).region(0, start);
        while (c.find()) {
            condition = c.start();
        }
        if (condition < 0 || CONDITION_END.matcher(clause).region(condition, start).find()) {
            return false;
        }
        if (CONDITION_END.matcher(clause).region(end, clause.length()).find()) {
            return true;
        }
        // the condition runs to the end of the clause: its last part if a statement came first
        boolean statementFirst = !OPENING.matcher(clause).region(0, condition).matches();
        return statementFirst || SUBJECT_PRONOUN.matcher(clause).region(end, clause.length()).find();
    }
}
