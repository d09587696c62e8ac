package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.AnswerSegmenter.Span;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What each unit of an answer claims, once what the candidate does not claim is left out: what it takes back
 * ({@link SelfCorrections}), names only as a contrast ({@link NamedContrasts}), rejects ({@link RejectedActions}) or
 * asks ({@link AskedQuestions}). Key points' and misconceptions' phrases are looked for in these terms, not in all of a
 * unit's words, and a unit that claims nothing is no evidence by its cosine either.
 *
 * @param takenBackWholly [unit] the unit lies wholly inside what the candidate takes back: no evidence at all
 * @param takenBackPartly [unit] it holds some of it: its vector does too, so it states a misconception by phrases only
 * @param contrastOnly    [unit] it is nothing but a contrast ("Unlike a circuit breaker, …")
 * @param asked           [unit] it is a question the candidate asks, which claims nothing
 * @param terms           [unit] its terms without what was taken back and what it names only as a contrast: where key
 *                        points' phrases are looked for
 * @param proposed        [unit] those terms without the actions it rejects, none for a question: where misconceptions'
 *                        phrases are looked for
 */
record Claims(boolean[] takenBackWholly, boolean[] takenBackPartly, boolean[] contrastOnly, boolean[] asked,
              List<Set<String>> terms, List<Set<String>> proposed) {

    static Claims of(String answer, AnswerAsRead read, RubricMatcher analyser) {
        int n = read.size();
        boolean[] wholly = new boolean[n];
        boolean[] partly = new boolean[n];
        List<Set<String>> claimTerms = withoutTakenBack(answer, read, analyser, wholly, partly);
        // what the candidate names only as a contrast ("Unlike a circuit breaker, …") is no claim (NamedContrasts)
        boolean[] contrastOnly = new boolean[n];
        List<Set<String>> stated = withoutContrasts(read.texts(), claimTerms, contrastOnly, analyser);
        List<Set<String>> proposed = withoutRejectedActions(read.texts(), stated, analyser);
        // a question the candidate asks claims nothing (AskedQuestions)
        boolean[] asked = AskedQuestions.of(read.units());
        for (int u = 0; u < n; u++) {
            if (asked[u]) {
                proposed.set(u, Set.of());
            }
        }
        return new Claims(wholly, partly, contrastOnly, asked, stated, proposed);
    }

    /**
     * [unit] the unit's terms without what the candidate takes back; marks the units that lie wholly inside it in
     * {@code wholly} and those that hold some of it in {@code partly}.
     */
    private static List<Set<String>> withoutTakenBack(String answer, AnswerAsRead read, RubricMatcher analyser,
                                                      boolean[] wholly, boolean[] partly) {
        List<Span> units = read.units();
        List<Span> spans = SelfCorrections.takenBack(answer, units.subList(0, read.own()));
        List<Set<String>> claimTerms = new ArrayList<>(read.terms());
        for (int u = 0; u < units.size() && !spans.isEmpty(); u++) {
            Span unit = units.get(u);
            String claims = read.texts().get(u);
            for (Span back : spans) {
                wholly[u] |= back.encloses(unit);
                if (unit.start() < back.end() && back.start() < unit.end()) {
                    partly[u] = true;
                    claims = claims.replace(back.text(), " ");
                }
            }
            if (wholly[u]) {
                claimTerms.set(u, Set.of());
            } else if (partly[u]) {
                claimTerms.set(u, analyser.terms(claims));
            }
        }
        return claimTerms;
    }

    /**
     * [unit] the claim's terms that lie outside the things it names only as a contrast ({@link NamedContrasts}): where
     * key points' and misconceptions' phrases are looked for. A unit of nothing but a contrast keeps no term and is
     * marked in {@code contrastOnly}.
     */
    private static List<Set<String>> withoutContrasts(List<String> readAs, List<Set<String>> claimTerms,
                                                      boolean[] contrastOnly, RubricMatcher analyser) {
        List<Set<String>> stated = new ArrayList<>(claimTerms);
        for (int u = 0; u < stated.size(); u++) {
            String kept = NamedContrasts.cut(readAs.get(u));
            if (kept.equals(readAs.get(u))) {
                continue;
            }
            contrastOnly[u] = NamedContrasts.nothingLeft(kept);
            Set<String> terms = new LinkedHashSet<>(claimTerms.get(u));
            terms.retainAll(analyser.terms(kept));
            stated.set(u, terms);
        }
        return stated;
    }

    /**
     * [unit] the claim's terms that lie outside the actions it rejects ({@link RejectedActions}): where a misconception's
     * phrase is looked for.
     */
    private static List<Set<String>> withoutRejectedActions(List<String> readAs, List<Set<String>> claimTerms,
                                                            RubricMatcher analyser) {
        List<Set<String>> proposed = new ArrayList<>(claimTerms);
        for (int u = 0; u < proposed.size(); u++) {
            String kept = RejectedActions.cut(readAs.get(u));
            if (!kept.equals(readAs.get(u))) {
                Set<String> terms = new LinkedHashSet<>(claimTerms.get(u));
                terms.retainAll(analyser.terms(kept));
                proposed.set(u, terms);
            }
        }
        return proposed;
    }
}
