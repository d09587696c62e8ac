package io.hirepipe.scoring.grading;

import java.util.regex.Pattern;

/**
 * Tells whether a sentence states its claim tentatively: "I think it might be a thundering herd", "maybe use
 * LIMIT and OFFSET?", "probably add retries", "I'm not sure, perhaps by making tokens expire". The grading guide
 * asks for a key point to be stated, and a claim the candidate offers as a guess is only gestured at (grade 2's
 * "all of them vaguely"), so a grader takes a hedged sentence as partial evidence at most.
 *
 * <p>Only markers that say the writer is unsure count: first-person belief ("I think", "I guess", "I believe",
 * "I suppose", "I'd say", "if I remember"), hearsay ("…, or so I've read", "or so I've heard"), epistemic adverbs
 * ("maybe", "perhaps", "probably") and "not sure" / "unsure". Deliberately not: "might", "could" and "possibly",
 * which as often describe what a system may do ("you might read another transaction's uncommitted changes", "every
 * node answering, possibly with old data") as what the writer doubts, and a question mark.
 */
public final class HedgeDetector {

    /** What follows a "not" that doubts rather than denies: "not sure", "not 100 % certain", "not entirely sure". */
    static final String SURE = "(?:\\d+\\s*%\\s+|entirely\\s+|quite\\s+|totally\\s+|completely\\s+)?(?:sure|certain)";

    private static final Pattern HEDGE = Pattern.compile(
            "\\b(?:maybe|perhaps|probably|presumably|unsure"
                    + "|i\\s+(?:think|guess|believe|suppose|assume|reckon)"
                    + "|i['’]?d\\s+say|if\\s+i\\s+(?:remember|recall)(?:\\s+(?:right|correctly))?"
                    + "|or\\s+so\\s+i(?:['’]?ve|\\s+have)\\s+(?:read|heard|been\\s+told)"
                    + "|not\\s+" + SURE + ")\\b",
            Pattern.CASE_INSENSITIVE);

    public boolean isHedged(String sentence) {
        return sentence != null && HEDGE.matcher(sentence).find();
    }
}
