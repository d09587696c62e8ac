package io.hirepipe.scoring.grading;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells whether a clause is negated ("replication does not copy data", "there is no cost for
 * inserts", "you never need HTTPS"). A negated clause cannot meet a key point stated positively, and a
 * positive clause cannot meet one stated negatively ("does not block"): polarity has to agree.
 *
 * <p>A "n't" typed without its apostrophe ("doesnt", "didnt", "shouldnt") negates as it does with one. "nobody" is not read
 * as a negation: the rubrics use it in clauses they state ("only turn v1 off once nobody important still calls it").
 *
 * <p>Deliberately not negations: "without" (a key point may well say "find rows without a full table
 * scan"), "not only/just" (which adds rather than denies), "not sure/certain" (which doubts rather than denies:
 * "I'm not sure that is enough" is a hedge, {@link HedgeDetector}), "non-" prefixes ("non-blocking"), and a negation of
 * leaving something out ("don't forget a timeout", "never skip the jitter", "a timeout is not optional"), which insists
 * on what it names: two negatives that make a recommendation, not a denial of it.
 *
 * <p>Scope: a negation inside a condition ("if the value isn't cached, …", "when the nodes can't talk to
 * each other, you must choose …", "… or by their address if they don't have a key") states when the
 * clause applies, not that its statement is false, so it does not negate the clause. A condition ends
 * at punctuation or "then"; one that runs to the end of the clause is the clause's last part when words
 * come before it. When a clause opens with a condition and has no punctuation, where the condition
 * ends is unknown; the negation is then taken as the condition's only when a subject pronoun follows it
 * ("if the value isn't there it fetches it"), so "when the primary fails the replica does not take
 * over" stays a denial.
 *
 * <p>Likewise a negation inside a clause of result or reason ("so", "so that", "because" or "b/c", "since") that
 * follows a statement states a consequence or a cause of that statement, not that the statement is false:
 * "each copy is given a lifetime, so nothing can be out of date for longer than that" states the lifetime,
 * "the token column is unique, so two attempts can't both get through" states the unique column. Such a
 * clause ends where a condition does (punctuation, a dash, "then"): in "we ship the bucket in the SDK, so
 * the client never goes over; the servers don't keep any state" the second negation is a statement of its
 * own. A negation before the "so" is the statement's ("replication does not copy data, so …"), and a clause
 * that opens with the conjunction, with no statement before it ("so nothing can be out of date"), states
 * its own negation and stays negated. This applies to a whole sentence; its clauses are judged on their own.
 *
 * <p>A thing named by what it does or is, after "what" or "whatever", carries its own negation: "publish /v2 for what
 * can't be made backward compatible" and "reject whatever doesn't fit the schema" state what to do with it. Only the
 * first negation after the word is the named thing's, up to where a condition would end: in "what can't be cached is
 * never stored" the "never" is the statement's, and a negation before the word ("that's not what a cache is for", "we
 * don't cache what changes") is the statement's too.
 *
 * <p>In an answer ({@link #isDenied}), a belief the clause calls mistaken is denied as by "not": "a common
 * misconception is that sharding copies every row to every node", "it's a myth that …", "people wrongly assume …",
 * "it is wrong to think …". Candidates who know a subject well name its misconceptions in order to refute them, and
 * such a clause states the misconception's opposite, not the misconception. With a negation of its own beside it, the
 * two cancel ("it's a myth that replicas can't serve reads" says they can; "it is not a myth that …" affirms). A frame
 * about a practice rather than a belief ("a common mistake is sharding too early") is not one: only a mistake of
 * thinking, believing, assuming, saying or claiming, and a misconception, myth, fallacy or misunderstanding "that …",
 * refute what follows.
 *
 * <p>"It's not that …" ("it isn't that …", "this was not that …") denies what follows it the same way, so a negation
 * of its own in that part cancels it: "it's not that SQL can't scale, it just scales up" says SQL can scale, where
 * "it's not that SQL is slow" and "it's not that simple" stay denials. A negation in another part of the clause is
 * that part's own ("it's not that SQL can't scale; it doesn't scale out" denies).
 */
public final class NegationDetector {

    /** Punctuation or a dash between words: where a condition, or a frame's part of a sentence, ends. */
    private static final String CLAUSE_PUNCTUATION = "[,;:()]|\\s[-–—]+\\s";

    private static final Pattern NEGATION = Pattern.compile(
            "(?:\\b(?:not(?!\\s+(?:only|just|necessarily\\s+bad|" + HedgeDetector.SURE + "\\b))|no|never|none|nothing|neither|nor|cannot"
                    // "n't" typed without its apostrophe
                    + "|isnt|arent|wasnt|werent|dont|doesnt|didnt|hasnt|havent|hadnt|wont|wouldnt|cant|couldnt|shouldnt|mustnt)\\b"
                    + "|n['’]t\\b)"
                    + "(?!\\s+(?:ever\\s+)?(?:be\\s+)?(?:forget|forgot|skip|omit|neglect|overlook|ignor|optional)\\w*)",
            Pattern.CASE_INSENSITIVE);

    /** A frame that calls what follows a mistaken belief: see the class comment. */
    private static final Pattern REFUTED_BELIEF = Pattern.compile(
            "\\b(?:(?:mistake|error)s?(?:\\s+\\S+){0,3}?\\s+(?:is|was|are)\\s+(?:to\\s+)?(?:think|believ|assum|say|claim)\\w*"
                    + "|(?:misconception|myth|fallacy|misunderstanding)s?(?:\\s+\\S+){0,3}?\\s+(?:that|to\\s+(?:think|believe|assume|say))\\b"
                    + "|(?:wrongly|mistakenly|falsely|incorrectly|erroneously)\\s+(?:think|believ|assum|claim|say|said|thought)\\w*"
                    + "|it(?:['’]s|\\s+is)\\s+(?:wrong|false|incorrect|untrue)\\s+(?:to\\s+(?:think|say|believe|assume|claim)|that)\\b)",
            Pattern.CASE_INSENSITIVE);

    /** "It's not that …": denies what follows it in its part of the sentence (see the class comment). */
    private static final Pattern NOT_THAT = Pattern.compile(
            "\\b(?:it|this|that)(?:['’]s\\s+not|\\s+(?:is|was)\\s+not|\\s+(?:isn|wasn)['’]?t)\\s+that\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * What opens a clause of result or reason: "…, so nothing can be out of date", "… because it doesn't block", "… b/c
     * two requests can't both insert it".
     */
    private static final Pattern RESULT = Pattern.compile("\\b(?:so|because|b/c|since)\\b", Pattern.CASE_INSENSITIVE);

    /** What opens a thing named by what it does: "… for what can't be made compatible", "reject whatever doesn't fit". */
    private static final Pattern NAMED_BY_WHAT = Pattern.compile("\\bwhat(?:ever)?\\b", Pattern.CASE_INSENSITIVE);

    private static final Pattern CONDITION = Pattern.compile("\\b(?:if|unless|when|whenever|in\\s+case)\\b",
            Pattern.CASE_INSENSITIVE);

    /** Where a condition ends: punctuation, a dash between words, or "then". */
    private static final Pattern CONDITION_END = Pattern.compile(CLAUSE_PUNCTUATION + "|\\bthen\\b",
            Pattern.CASE_INSENSITIVE);

    /** Where a frame's part of a sentence ends: what ends a condition (but "then"), a sentence's end, or "but". */
    private static final Pattern PART_BOUNDARY = Pattern.compile(CLAUSE_PUNCTUATION + "|[.!?]|\\bbut\\b",
            Pattern.CASE_INSENSITIVE);

    /** The subject of a main clause that follows a condition without a comma: "if it isn't cached we load it". */
    private static final Pattern SUBJECT_PRONOUN = Pattern.compile("\\b(?:it|they|we|you|i|he|she)\\b",
            Pattern.CASE_INSENSITIVE);

    /** What may open a condition without being a statement before it: "and if …", "but even when …". */
    private static final Pattern OPENING = Pattern.compile("(?:\\W|\\b(?:and|but|or|so|then|even|only|just)\\b)*",
            Pattern.CASE_INSENSITIVE);

    /** Whether the clause is negated: how a rubric's own statements are read (they describe, they do not argue). */
    public boolean isNegated(String clause) {
        return negatedOutsideConditions(clause, false);
    }

    /**
     * Whether a candidate's clause says that what it states is not so: negated, or a belief it calls mistaken. A
     * negation in the frame's own part of the text (up to a comma, a semicolon or the like) cancels it ("it's a myth
     * that replicas can't serve reads" says they can); one in another part does not ("a common mistake is to think
     * sharding copies every row; it does not"). A rubric may well describe a misconception as "the myth that …", so
     * its statements are read by {@link #isNegated}: only an answer refutes one.
     */
    public boolean isDenied(String clause) {
        Matcher frame = refutedBelief(clause);
        if (frame != null) {
            int[] part = partAround(clause, frame);
            return !NEGATION.matcher(clause).region(part[0], part[1]).find();
        }
        Matcher notThat = outsideConditions(NOT_THAT, clause);
        if (notThat == null) {
            return isNegated(clause);
        }
        int[] part = partAround(clause, notThat);
        if (!NEGATION.matcher(clause).region(notThat.end(), part[1]).find()) {
            return true;
        }
        // the two negations of the part cancel: the clause is denied only by a negation of another part
        String otherParts = clause.substring(0, part[0]) + " ".repeat(part[1] - part[0]) + clause.substring(part[1]);
        return isNegated(otherParts);
    }

    /** The [start, end) of the part of the sentence (up to punctuation or "but") that holds the frame. */
    private static int[] partAround(String clause, Matcher frame) {
        int start = 0;
        int end = clause.length();
        Matcher boundary = PART_BOUNDARY.matcher(clause);
        while (boundary.find()) {
            if (boundary.end() <= frame.start()) {
                start = boundary.end();
            } else if (boundary.start() >= frame.end()) {
                end = boundary.start();
                break;
            }
        }
        return new int[] {start, end};
    }

    /** The first frame, outside every condition, that calls what follows a mistaken belief; null if none. */
    private static Matcher refutedBelief(String clause) {
        return outsideConditions(REFUTED_BELIEF, clause);
    }

    /** The first match of {@code frame} outside every condition of the clause; null if none. */
    private static Matcher outsideConditions(Pattern frame, String clause) {
        if (clause == null) {
            return null;
        }
        Matcher m = frame.matcher(clause);
        while (m.find()) {
            if (!insideCondition(clause, m.start(), m.end())) {
                return m;
            }
        }
        return null;
    }

    /**
     * Whether the text denies something inside a clause of result or reason ("…, so there is no failover"): a denial
     * of that clause only, which {@link #isNegated} does not count for the text as a whole.
     */
    public boolean deniesAConsequence(String text) {
        return negatedOutsideConditions(text, true);
    }

    /** Whether a negation outside every condition lies inside a clause of result or reason ({@code inResult}) or not. */
    private static boolean negatedOutsideConditions(String text, boolean inResult) {
        if (text == null) {
            return false;
        }
        Matcher m = NEGATION.matcher(text);
        while (m.find()) {
            if (!insideCondition(text, m.start(), m.end()) && !namedByWhat(text, m.start())
                    && insideResult(text, m.start()) == inResult) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the negation at {@code start} belongs to a clause of result or reason that follows a statement of the
     * same text, rather than to the statement.
     */
    private static boolean insideResult(String clause, int start) {
        int result = openClauseAt(RESULT, clause, start);
        return result >= 0 && !OPENING.matcher(clause).region(0, result).matches();
    }

    /** Whether the negation at {@code start} is the first inside a "what …" that has not ended by then. */
    private static boolean namedByWhat(String text, int start) {
        int what = openClauseAt(NAMED_BY_WHAT, text, start);
        return what >= 0 && !NEGATION.matcher(text).region(what, start).find();
    }

    /** Whether the words at [start, end) (a negation, a dismissal) belong to a condition of the clause, not its statement. */
    static boolean insideCondition(String clause, int start, int end) {
        int condition = openClauseAt(CONDITION, clause, start);
        if (condition < 0) {
            return false;
        }
        if (CONDITION_END.matcher(clause).region(end, clause.length()).find()) {
            return true;
        }
        // the condition runs to the end of the clause: its last part if a statement came first
        boolean statementFirst = !OPENING.matcher(clause).region(0, condition).matches();
        return statementFirst || SUBJECT_PRONOUN.matcher(clause).region(end, clause.length()).find();
    }

    /** Where the last clause {@code opener} opens before {@code start} begins, if it has not ended by then; else -1. */
    private static int openClauseAt(Pattern opener, String text, int start) {
        int at = -1;
        Matcher o = opener.matcher(text).region(0, start);
        while (o.find()) {
            at = o.start();
        }
        return at < 0 || CONDITION_END.matcher(text).region(at, start).find() ? -1 : at;
    }
}
