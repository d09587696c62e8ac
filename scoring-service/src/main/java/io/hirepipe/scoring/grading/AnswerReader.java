package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.AnswerSegmenter.Span;
import io.hirepipe.scoring.grading.DismissedKeyPoints.Dismissed;
import io.hirepipe.scoring.grading.DismissedKeyPoints.NamedDismissal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Reads an answer into units ({@link AnswerAsRead}): segments it, reads each unit's polarity and what it sets aside
 * ({@link DismissedKeyPoints}), adds the positive part of each sentence that denies in one clause and states in others
 * ({@link PositiveParts}), and embeds the units in one batch (a sentence of several clauses is composed from its clauses'
 * vectors instead, {@link ComposedSentenceVectors}). The one place an answer's units are embedded. Thread-safe.
 */
final class AnswerReader {

    /**
     * About 3,000 words: far beyond any real answer, and it bounds the time one submission can take
     * (a pasted book would otherwise hold a listener thread for minutes).
     */
    static final int MAX_UNITS = 400;

    private final SentenceEmbedder embedder;
    private final RubricMatcher analyser;
    private final NegationDetector negation;
    private final AnswerSegmenter segmenter;
    private final DismissedKeyPoints dismissals;

    AnswerReader(SentenceEmbedder embedder, RubricMatcher analyser, NegationDetector negation, AnswerSegmenter segmenter) {
        this.embedder = embedder;
        this.analyser = analyser;
        this.negation = negation;
        this.segmenter = segmenter;
        this.dismissals = new DismissedKeyPoints(analyser, negation);
    }

    AnswerAsRead read(String answer, RubricEmbeddings rubric) {
        List<CodeLines.Line> code = CodeLines.of(answer);
        List<Span> units = segmenter.units(answer, code);
        boolean truncated = units.size() > MAX_UNITS;
        if (truncated) {
            units = units.subList(0, MAX_UNITS);
        }
        // what each unit is read as: its text, or for a mixed sentence's positive part the sentence without its denials
        List<String> readAs = new ArrayList<>(units.stream().map(Span::text).toList());
        boolean[] unitNegated = negated(readAs);
        // a unit that takes a key point away ("once it works we remove the timeouts") denies it, as "no timeouts" would;
        // read before the positive parts are cut, which leave out what a sentence denies
        List<List<NamedDismissal>> named = new ArrayList<>(dismissals.namedDismissals(rubric, readAs, 0));
        for (int u = 0; u < named.size(); u++) {
            unitNegated[u] |= DismissedKeyPoints.removes(named.get(u));
        }
        int own = units.size();
        List<Span> withParts = new ArrayList<>(units);
        for (PositiveParts.Part part : PositiveParts.of(units, unitNegated)) {
            withParts.add(part.sentence());
            readAs.add(part.text());
        }
        units = withParts;
        // a sentence of several clauses is composed from its clauses' vectors, not run again (ComposedSentenceVectors);
        // an answer cut at the unit limit may have lost some of a sentence's clauses, so it is run unit by unit
        List<float[]> vectors = !truncated
                ? ComposedSentenceVectors.of(embedder, units, readAs, own, unitNegated)
                : embedder.embed(readAs);
        int n = units.size();
        // the units' polarity as read above; only the positive parts added since are read here
        boolean[] negated = Arrays.copyOf(unitNegated, n);
        named.addAll(dismissals.namedDismissals(rubric, readAs, own));
        Dismissed dismissed = dismissals.dismissed(rubric.keyPoints().size(), units, readAs, named);
        for (int u = unitNegated.length; u < n; u++) {
            negated[u] = negation.isDenied(readAs.get(u)) || dismissed.removing()[u];
        }
        List<Set<String>> terms = new ArrayList<>(n);
        for (int u = 0; u < n; u++) {
            // on a line of code the identifiers carry the words ("idempotency_key", "READ_COMMITTED")
            terms.add(CodeLines.isCode(code, units.get(u)) ? analyser.termsOfCode(readAs.get(u)) : analyser.terms(readAs.get(u)));
        }
        return new AnswerAsRead(units, readAs, own, negated, terms, vectors, truncated, dismissed);
    }

    private boolean[] negated(List<String> texts) {
        boolean[] negated = new boolean[texts.size()];
        for (int u = 0; u < negated.length; u++) {
            negated[u] = negation.isDenied(texts.get(u));
        }
        return negated;
    }
}
