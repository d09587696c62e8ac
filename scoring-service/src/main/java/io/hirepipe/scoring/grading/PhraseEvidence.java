package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.AnswerSegmenter.Span;
import io.hirepipe.scoring.grading.RubricEmbeddings.Phrase;
import io.hirepipe.scoring.grading.RubricEmbeddings.Target;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds, per unit of one answer, where a key point's or a misconception's phrase occurs in what the unit claims
 * ({@link Claims}), in the unit's polarity. A key point's phrase is also met through the thesaurus; a misconception's
 * in any form of its words, but not where its words come together only once a mixed sentence's denial is cut. A phrase
 * wholly inside a consequence the unit denies is denied, not stated, by it. Made once per answer: what it works out
 * from the answer is the same for every key point and misconception.
 */
final class PhraseEvidence {

    private final AnswerAsRead read;
    private final Claims claims;
    /** [unit][other unit] the other unit is a negated consequence of the unit ({@link KeyPointDenials#deniedClauses}). */
    private final boolean[][] deniedInside;
    private final List<Set<String>> claimEquivalents;
    private final List<Set<String>> deniedInParts;

    PhraseEvidence(AnswerAsRead read, Claims claims, boolean[][] deniedInside, RubricMatcher analyser) {
        this.read = read;
        this.claims = claims;
        this.deniedInside = deniedInside;
        // a key point's phrase is also met through the thesaurus: "each entry gets a lifetime" states "ttl"
        this.claimEquivalents = withEquivalents(read.texts(), claims.terms(), analyser);
        this.deniedInParts = deniedInParts(read.units(), read.own(), read.negated(), read.terms());
    }

    /** [unit] one of the key point's phrases occurs in the unit's claim, in its words or through the thesaurus. */
    boolean[] ofKeyPoint(Target keyPoint) {
        List<Set<String>> claimTerms = claims.terms();
        return phraseHits(keyPoint, (c, phrase) -> claimTerms.get(c).containsAll(phrase.terms())
                || claimEquivalents.get(c).containsAll(phrase.equivalentTerms()));
    }

    /** [unit] one of the misconception's phrases occurs in what the unit proposes, in the candidate's form of its words. */
    boolean[] ofMisconception(Target misconception) {
        List<Set<String>> proposed = claims.proposed();
        // a misconception in the candidate's form of its words: "shorten the TTL" states "shorter ttl"
        // not through the thesaurus: a claim is charged in its author's words, a false synonym would cost a right answer
        boolean[] hits = phraseHits(misconception,
                (c, phrase) -> RubricMatcher.containsAllOfOneRoot(proposed.get(c), phrase.terms()));
        // "GET, PUT and DELETE are idempotent and POST is not, and a payment is typically a POST": read without its
        // denial the sentence holds "POST" and "idempotent", but the candidate denied the very thing
        unlessTheDenialNamesIt(misconception, hits, read.own(), proposed, deniedInParts);
        return hits;
    }

    /** Whether unit {@code c}'s terms hold the phrase (for a key point, also in other words; for a misconception in any form). */
    @FunctionalInterface
    private interface PhraseIn {
        boolean unit(int c, Phrase phrase);
    }

    private boolean[] phraseHits(Target target, PhraseIn occursIn) {
        int units = read.size();
        boolean[] negated = read.negated();
        boolean[] hits = new boolean[units];
        for (int u = 0; u < units; u++) {
            for (Phrase phrase : target.phrases()) {
                boolean occurs = occursIn.unit(u, phrase);
                for (int c = 0; c < units && occurs; c++) {
                    // a phrase wholly inside a denied consequence is denied, not stated, by the unit around it
                    occurs = !(deniedInside[u][c] && occursIn.unit(c, phrase));
                }
                if (phrase.negated() == negated[u] && occurs) {
                    hits[u] = true;
                    break;
                }
            }
        }
        return hits;
    }

    /**
     * Drops a misconception's phrase hits in the positive parts of mixed sentences (units from {@code own} on) whose
     * phrase names a word of a clause the part was cut from as negated ({@link #deniedInParts}): such a part joins the
     * words of a denied claim ("… and POST is not, and a payment is typically a POST" holds "post is idempotent" only
     * once "POST is not" is cut from it), which the candidate stated nowhere. A clause that states the misconception on
     * its own keeps its hit, and so does a part whose phrase shares no word with the denial ("Retries are not a problem,
     * because POST is idempotent as well").
     */
    private static void unlessTheDenialNamesIt(Target misconception, boolean[] hits, int own, List<Set<String>> partTerms,
                                               List<Set<String>> deniedInParts) {
        for (int u = own; u < hits.length; u++) {
            if (!hits[u]) {
                continue;
            }
            Set<String> denied = deniedInParts.get(u - own);
            boolean stated = false;
            for (Phrase phrase : misconception.phrases()) {
                if (!phrase.negated() && RubricMatcher.containsAllOfOneRoot(partTerms.get(u), phrase.terms())) {
                    stated |= phrase.terms().stream().noneMatch(t -> RubricMatcher.containsAllOfOneRoot(denied, Set.of(t)));
                }
            }
            hits[u] = stated;
        }
    }

    /**
     * [part, from {@code own} on] the terms of the negated clauses a positive part was cut from: the same for every
     * misconception, so worked out once per answer.
     */
    private static List<Set<String>> deniedInParts(List<Span> units, int own, boolean[] negated,
                                                   List<Set<String>> terms) {
        List<Set<String>> deniedInParts = new ArrayList<>();
        for (int u = own; u < units.size(); u++) {
            Span part = units.get(u);
            Set<String> denied = new HashSet<>();
            for (int c = 0; c < own; c++) {
                Span clause = units.get(c);
                if (negated[c] && part.encloses(clause)
                        && clause.end() - clause.start() < part.end() - part.start()) {
                    denied.addAll(terms.get(c));
                }
            }
            deniedInParts.add(denied);
        }
        return deniedInParts;
    }

    /** [unit] the unit's claim terms and the marks of the thesaurus entries it says within them. */
    private static List<Set<String>> withEquivalents(List<String> readAs, List<Set<String>> claimTerms,
                                                     RubricMatcher analyser) {
        List<Set<String>> out = new ArrayList<>(claimTerms.size());
        for (int u = 0; u < claimTerms.size(); u++) {
            Set<String> terms = new HashSet<>(claimTerms.get(u));
            terms.addAll(analyser.equivalents(readAs.get(u), claimTerms.get(u)));
            out.add(terms);
        }
        return out;
    }
}
