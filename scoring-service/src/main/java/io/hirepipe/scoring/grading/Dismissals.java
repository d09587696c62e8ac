package io.hirepipe.scoring.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a candidate sets aside rather than proposes: a thing they would take away ("once it works we remove the timeouts",
 * "turn off retries for payments") or one they call dispensable ("a circuit breaker is optional", "a breaker is nice to
 * have", "you can skip the circuit breaker", "you don't need jitter when only one key expires"). Naming a thing to set it
 * aside shows no understanding of why one would have it, so what is named there makes no key point; the collector decides
 * which key points the named words are ({@link AnswerEvidenceCollector}).
 *
 * <p>What is named runs from the verb to punctuation, a dash or a word that opens a clause or a phrase of its own
 * ("remove the timeouts, because …", "turn off retries for payments", "you don't need jitter when only one key
 * expires"), or, for a thing called dispensable, from where its part of the sentence begins to the word that dismisses
 * it ("…; jitter isn't really needed here"). A dismissal inside a condition ("if you remove the timeout, one slow call
 * can hold a thread forever") argues for the thing, and so does one after a negation ("don't remove the cache"); neither
 * is one. "X is not optional" and "don't skip X" insist on X ({@link NegationDetector}), and a gerund ("removing the
 * breaker would let one failing provider take us down") names the removal as a subject, to say what it would cost: only
 * the base and third-person forms of a verb of removal dismiss, and its past form only with the reason for it ("we
 * dropped the breaker later since it only added complexity"): a removal told with what came of it is a story that argues
 * for the thing. What follows a removal's name to say where or when it
 * applies is kept with it ({@link Dismissal#restriction()}): "disable retries on POST unless the request carries an
 * idempotency key" takes retries away from some calls only. A thing a negation word calls unneeded ("timeouts are not
 * needed once it works", "there's no need for a circuit breaker") is a denial ({@link Dismissal#denial()}): the
 * candidate's position against having it, which "optional" or "you can skip" only concede; what follows it to say where
 * or when is kept too ("you don't need jitter when only one key expires"). Stateless and thread-safe.
 */
final class Dismissals {

    /**
     * @param named       the words that name what is set aside
     * @param removal     whether it is taken away (a verb of removal), not only called dispensable
     * @param start       where the dismissing words begin in the text
     * @param restriction for a removal or a denial, the words that say where or when it applies, after the word that
     *                    opens them ("the admin pages" of "for the admin pages", "POST unless the request carries an
     *                    idempotency key" of "on POST unless …", "only one key expires" of "you don't need jitter when
     *                    only one key expires"); empty when none follow
     * @param denial      whether a negation word says the thing is not needed ("timeouts are not needed", "you don't
     *                    need jitter", "no need for a breaker"): the candidate's position against having it, where
     *                    "optional" or "you can skip" only concede that one could do without it
     */
    record Dismissal(String named, boolean removal, int start, String restriction, boolean denial) {
    }

    private static final String ENDS_A_NAME = "(?=\\s*(?:[,;:()!?.\\n]|\\s[-–—]+\\s)|\\s+(?:because|so|since|when|whenever"
            + "|if|unless|once|but|and|or|while|whereas|which|that|to|for|from|in|on|at|by|with|without|during|after|before"
            + "|until|as|then|here|there|instead)\\b|\\s*$)";

    /** A verb of removal and what it takes away: "remove the timeouts", "get rid of the jitter", "turn off retries". */
    private static final Pattern REMOVAL = Pattern.compile(
            "\\b(?:remove|removes|drop|drops|disable|disables|delete|deletes|eliminate|eliminates|scrap|scraps|ditch"
                    + "|ditches|(?:turn|turns|switch|switches)\\s+off|gets?\\s+rid\\s+of|rips?\\s+out|takes?\\s+out"
                    + "|do\\s+away\\s+with)\\s+(?!to\\b)(.+?)" + ENDS_A_NAME,
            Pattern.CASE_INSENSITIVE);

    /**
     * A removal told in the past, given a reason before anything else follows its name: "we removed the timeouts after
     * launch because they caused failed payments". Told with what came of it ("we removed the breaker and one failing
     * provider took us down") it is a story that argues for the thing, and is none.
     */
    private static final Pattern PAST_REMOVAL = Pattern.compile(
            "\\b(?:removed|dropped|disabled|deleted|eliminated|scrapped|ditched|(?:turned|switched)\\s+off|got\\s+rid\\s+of"
                    + "|ripped\\s+out|took\\s+out|did\\s+away\\s+with)\\s+(?!to\\b)(.+?)" + ENDS_A_NAME,
            Pattern.CASE_INSENSITIVE);

    /** What follows a past removal's name when it gives the reason: a time at most, then "because" or "since". */
    private static final Pattern GIVES_A_REASON = Pattern.compile(
            "(?:\\s+(?:after|before|once|later|then|eventually|soon)(?:\\s+[\\w-]+){0,3}?)?\\s*,?\\s+(?:because|since)\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * What may follow a removal's name to say where or when it applies, up to punctuation, a dash or a word of reason or
     * time: "turn off the cache for the admin pages", "disable retries on POST unless …".
     */
    private static final Pattern RESTRICTION = Pattern.compile(
            "\\s+(?:for|on|in|at|from|unless|except|when|whenever|if|during|after|before|until|with|without|by|to|as"
                    + "|instead|that|which|inside|outside|across|per)\\b(.*?)"
                    + "(?=\\s*(?:[,;:()!?.\\n]|\\s[-–—]+\\s)|\\s+(?:because|so|since|once|then|but)\\b|\\s*$)",
            Pattern.CASE_INSENSITIVE);

    /** A thing called dispensable after it is named: "a circuit breaker is optional", "jitter isn't really needed". */
    private static final Pattern DISPENSABLE = Pattern.compile(
            "\\b(?:is|are)\\s+(?:just\\s+|only\\s+|entirely\\s+|purely\\s+|really\\s+)?(?:optional|(?:an?\\s+)?(?:optional\\s+)?"
                    + "(?:nice|good)[\\s-]to[\\s-]have|unnecessary|overkill"
                    + "|not\\s+(?:really\\s+|strictly\\s+|always\\s+|even\\s+)?(?:needed|necessary|required|essential|mandatory))\\b"
                    + "|\\b(?:isn|aren)['’]?t\\s+(?:really\\s+|strictly\\s+|always\\s+|even\\s+)?"
                    + "(?:needed|necessary|required|essential|mandatory)\\b",
            Pattern.CASE_INSENSITIVE);

    /** A thing called dispensable before it is named: "you can skip the breaker", "you don't need jitter", "no need for …". */
    private static final Pattern DISPENSABLE_BEFORE = Pattern.compile(
            "\\b(?:(?:can|could|may|might)\\s+(?:safely\\s+|just\\s+|easily\\s+|even\\s+)?skip"
                    + "|(?:don['’]?t|doesn['’]?t|do\\s+not|does\\s+not|won['’]?t|will\\s+not|never)\\s+"
                    + "(?:really\\s+|even\\s+|actually\\s+|always\\s+|strictly\\s+)?need"
                    + "|no\\s+need\\s+(?:for|of))\\s+(?!to\\b)(.+?)" + ENDS_A_NAME,
            Pattern.CASE_INSENSITIVE);

    /** A negation word among the words that call a thing dispensable: it is said to be not needed, not only optional. */
    private static final Pattern NOT_NEEDED = Pattern.compile("\\b(?:not|no|never)\\b|n['’]?t\\b", Pattern.CASE_INSENSITIVE);

    /** Where a dispensable thing's part of the sentence begins: punctuation, a dash or a word that opens a clause. */
    private static final Pattern PART_START = Pattern.compile(
            "[,;:()!?.\\n]|\\s[-–—]+\\s|\\b(?:but|and|so|because|since|while|whereas|though|although|then|that)\\b",
            Pattern.CASE_INSENSITIVE);

    /** A part of a sentence that opens with a condition: "If you remove the timeout, …", "and when we drop it …". */
    private static final Pattern CONDITION_OPENS = Pattern.compile(
            "\\W*(?:(?:and|but|so|or|even|only)\\s+)*(?:if|when|whenever|unless|in\\s+case)\\b", Pattern.CASE_INSENSITIVE);

    private Dismissals() {
    }

    /** What {@code text} sets aside, in order; a dismissal inside a condition or after a negation of its part is none. */
    static List<Dismissal> in(String text, NegationDetector negation) {
        List<Dismissal> found = new ArrayList<>();
        Matcher removal = REMOVAL.matcher(text);
        while (removal.find()) {
            add(found, text, removal.start(), removal.end(), removal.group(1), negation, true, false,
                    restrictionAfter(text, removal.end()));
        }
        Matcher past = PAST_REMOVAL.matcher(text);
        while (past.find()) {
            if (GIVES_A_REASON.matcher(text).region(past.end(), text.length()).lookingAt()) {
                // the time before the reason ("after launch") says when it was done, not to which cases
                add(found, text, past.start(), past.end(), past.group(1), negation, true, false, "");
            }
        }
        Matcher before = DISPENSABLE_BEFORE.matcher(text);
        while (before.find()) {
            boolean denial = NOT_NEEDED.matcher(text).region(before.start(), before.start(1)).find();
            add(found, text, before.start(), before.end(), before.group(1), negation, false, denial,
                    denial ? restrictionAfter(text, before.end()) : "");
        }
        Matcher after = DISPENSABLE.matcher(text);
        while (after.find()) {
            int from = partStart(text, after.start());
            boolean denial = NOT_NEEDED.matcher(after.group()).find();
            add(found, text, from, after.end(), text.substring(from, after.start()), negation, false, denial,
                    denial ? restrictionAfter(text, after.end()) : "");
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    /** The words after {@code at} that say where or when what ends there applies, or "" when none do. */
    private static String restrictionAfter(String text, int at) {
        Matcher restriction = RESTRICTION.matcher(text).region(at, text.length());
        return restriction.lookingAt() ? restriction.group(1) : "";
    }

    /** Adds the dismissal unless it argues for the thing; a concession is read whatever follows it (no restriction). */
    private static void add(List<Dismissal> found, String text, int start, int end, String named,
                            NegationDetector negation, boolean removal, boolean denial, String restriction) {
        if (named.isBlank() || NegationDetector.insideCondition(text, start, end)) {
            return;
        }
        int part = partStart(text, start);
        if (CONDITION_OPENS.matcher(text).region(part, start).lookingAt()) {
            // a clause that opens with a condition ("If you remove the timeout") with no statement of its own after it
            return;
        }
        if (negation.isNegated(text.substring(part, start))) {
            // "don't remove the cache", "we never drop the retries": a negated removal keeps the thing
            return;
        }
        found.add(new Dismissal(named, removal, start, restriction, denial));
    }

    /** Where the part of the sentence that holds {@code at} begins. */
    private static int partStart(String text, int at) {
        int start = 0;
        Matcher boundary = PART_START.matcher(text).region(0, at);
        while (boundary.find()) {
            start = boundary.end();
        }
        return start;
    }
}
