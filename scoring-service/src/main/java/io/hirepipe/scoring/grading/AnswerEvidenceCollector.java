package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.AnswerSegmenter.Span;
import io.hirepipe.scoring.grading.RubricEmbeddings.Phrase;
import io.hirepipe.scoring.grading.RubricEmbeddings.Reference;
import io.hirepipe.scoring.grading.RubricEmbeddings.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Measures an answer against a rubric: segments it, embeds all its units in one batch, and fills an
 * {@link AnswerEvidence}. Polarity must agree for any evidence to count: a negated unit ("replicas
 * do not hold a copy") is compared only with negated references and phrases, a positive unit only
 * with positive ones. So "not replicated" never meets "replicated". A sentence whose only negation lies in a
 * clause of result or reason after its statement ("each copy is given a lifetime, so nothing can be out of date
 * longer", {@link NegationDetector}) is positive: it states what comes before the "so"; the negated clause is still
 * a negated unit of its own, and a key point's or misconception's phrase that lies wholly inside it does not count
 * for the sentence around it ("sharding splits the rows, so there is no failover" does not meet failover).
 * Thread-safe.
 */
public final class AnswerEvidenceCollector {

    /**
     * About 3,000 words: far beyond any real answer, and it bounds the time one submission can take
     * (a pasted book would otherwise hold a listener thread for minutes).
     */
    static final int MAX_UNITS = 400;

    private final SentenceEmbedder embedder;
    private final RubricMatcher analyser;
    private final NegationDetector negation;
    private final AnswerSegmenter segmenter;
    private final KeywordListDetector keywordLists;
    private static final HedgeDetector HEDGES = new HedgeDetector();

    /** EXPERIMENT (session 16): how a negated sentence with a positive clause is compared. */
    public enum MixedSentences { NEGATED, REMAINDER_UNIT, NEAREST_CLAUSE_REMAINDER, NEAREST_CLAUSE_SENTENCE }

    public static volatile MixedSentences mixedSentences = MixedSentences.NEGATED;

    public AnswerEvidenceCollector(SentenceEmbedder embedder, RubricMatcher analyser, NegationDetector negation,
                                   AnswerSegmenter segmenter, KeywordListDetector keywordLists) {
        this.embedder = embedder;
        this.analyser = analyser;
        this.negation = negation;
        this.segmenter = segmenter;
        this.keywordLists = keywordLists;
    }

    public AnswerEvidence collect(String answer, RubricEmbeddings rubric) {
        List<Span> units = segmenter.units(answer);
        boolean truncated = units.size() > MAX_UNITS;
        if (truncated) {
            units = units.subList(0, MAX_UNITS);
        }
        // EXPERIMENT: per mixed sentence (negated, with a positive clause and a negated one), its text without the negated clauses
        String[] remainder = remainders(units);
        if (mixedSentences == MixedSentences.REMAINDER_UNIT) {
            List<Span> withRemainders = new ArrayList<>(units);
            for (int u = 0; u < remainder.length; u++) {
                if (remainder[u] != null) {
                    withRemainders.add(new Span(remainder[u], units.get(u).start(), units.get(u).end()));
                }
            }
            units = withRemainders;
            remainder = new String[units.size()];
        }
        List<String> texts = new ArrayList<>(units.stream().map(Span::text).toList());
        int[] remainderAt = new int[units.size()];
        java.util.Arrays.fill(remainderAt, -1);
        for (int u = 0; u < remainder.length; u++) {
            if (remainder[u] != null && mixedSentences != MixedSentences.NEGATED) {
                remainderAt[u] = texts.size();
                texts.add(remainder[u]);
            }
        }
        List<float[]> allVectors = embedder.embed(texts);
        List<float[]> vectors = allVectors.subList(0, units.size());
        int n = units.size();
        boolean[] negated = new boolean[n];
        List<Set<String>> terms = new ArrayList<>(n);
        for (int u = 0; u < n; u++) {
            negated[u] = negation.isNegated(units.get(u).text());
            terms.add(analyser.terms(units.get(u).text()));
        }
        boolean[][] deniedInside = deniedClauses(units, negated);
        List<List<Integer>> clauses = clausesOf(units);
        double[][] kpSim = new double[rubric.keyPoints().size()][];
        boolean[][] kpPhrase = new boolean[rubric.keyPoints().size()][];
        boolean deniesKeyPoint = false;
        for (int k = 0; k < kpSim.length; k++) {
            kpSim[k] = similarities(rubric.keyPoints().get(k), vectors, negated);
            kpPhrase[k] = phraseHits(rubric.keyPoints().get(k), terms, negated, deniedInside, false);
            deniesKeyPoint |= denies(rubric.keyPoints().get(k), terms, negated);
        }
        double[][] mcSim = new double[rubric.misconceptions().size()][];
        boolean[][] mcPhrase = new boolean[rubric.misconceptions().size()][];
        for (int m = 0; m < mcSim.length; m++) {
            mcSim[m] = similarities(rubric.misconceptions().get(m), vectors, negated);
            // a misconception in the candidate's form of its words: "shorten the TTL" states "shorter ttl"
            mcPhrase[m] = phraseHits(rubric.misconceptions().get(m), terms, negated, deniedInside, true);
        }
        if (mixedSentences == MixedSentences.NEAREST_CLAUSE_REMAINDER || mixedSentences == MixedSentences.NEAREST_CLAUSE_SENTENCE) {
            for (int u = 0; u < n; u++) {
                if (remainderAt[u] < 0) {
                    continue;
                }
                float[] positiveVector = mixedSentences == MixedSentences.NEAREST_CLAUSE_REMAINDER
                        ? allVectors.get(remainderAt[u]) : vectors.get(u);
                Set<String> positiveTerms = mixedSentences == MixedSentences.NEAREST_CLAUSE_REMAINDER
                        ? analyser.terms(remainder[u]) : terms.get(u);
                for (int k = 0; k < kpSim.length; k++) {
                    nearestClauseDecides(rubric.keyPoints().get(k), u, clauses.get(u), vectors, negated, positiveVector,
                            positiveTerms, kpSim[k], kpPhrase[k], false);
                }
                for (int m = 0; m < mcSim.length; m++) {
                    nearestClauseDecides(rubric.misconceptions().get(m), u, clauses.get(u), vectors, negated, positiveVector,
                            positiveTerms, mcSim[m], mcPhrase[m], true);
                }
            }
        }
        double topicality = 0;
        double[] unitTopicality = new double[n];
        for (int u = 0; u < n; u++) {
            for (float[] topic : rubric.topic()) {
                unitTopicality[u] = Math.max(unitTopicality[u], SentenceEmbedder.cosine(vectors.get(u), topic));
            }
            topicality = Math.max(topicality, unitTopicality[u]);
        }
        return new AnswerEvidence(answer, units, negated, kpSim, kpPhrase, mcSim, mcPhrase, topicality,
                keywordLists.inspect(answer, rubric.rubricPhrases(), rubric.rubricTerms()), truncated,
                holistic(vectors, rubric), deniesKeyPoint, promptEcho(terms, rubric.promptTerms()), hedged(units, HEDGES),
                unitTopicality);
    }

    /**
     * Per unit, whether it or a unit enclosing it (its sentence) is hedged: "I think" governs every clause of its
     * sentence ("I think you could switch to eager loading, or something like a join").
     */
    static boolean[] hedged(List<Span> units, HedgeDetector hedges) {
        boolean[] own = new boolean[units.size()];
        for (int u = 0; u < own.length; u++) {
            own[u] = hedges.isHedged(units.get(u).text());
        }
        boolean[] hedged = new boolean[units.size()];
        for (int u = 0; u < hedged.length; u++) {
            Span inner = units.get(u);
            for (int o = 0; o < own.length && !hedged[u]; o++) {
                Span outer = units.get(o);
                hedged[u] = own[o] && outer.start() <= inner.start() && outer.end() >= inner.end();
            }
        }
        return hedged;
    }

    /** Per unit, the share of its analysed terms that the prompt contains: a unit at 1 adds no word of its own. */
    static double[] promptEcho(List<Set<String>> unitTerms, Set<String> promptTerms) {
        double[] echo = new double[unitTerms.size()];
        for (int u = 0; u < echo.length; u++) {
            Set<String> terms = unitTerms.get(u);
            echo[u] = terms.isEmpty() ? 0 : (double) terms.stream().filter(promptTerms::contains).count() / terms.size();
        }
        return echo;
    }

    /** A negated unit that contains one of the key point's positive phrases: "REST does not use HTTP methods". */
    private static boolean denies(Target target, List<Set<String>> unitTerms, boolean[] negated) {
        for (int u = 0; u < unitTerms.size(); u++) {
            for (Phrase phrase : target.phrases()) {
                if (negated[u] && !phrase.negated() && unitTerms.get(u).containsAll(phrase.terms())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Mean pooling of the vectors already computed: the whole answer against the whole rubric, at no extra model run. */
    private static double holistic(List<float[]> units, RubricEmbeddings rubric) {
        List<float[]> references = rubric.keyPoints().stream()
                .flatMap(target -> target.references().stream().filter(r -> !r.negated()).map(Reference::vector))
                .toList();
        if (units.isEmpty() || references.isEmpty()) {
            return 0;
        }
        return SentenceEmbedder.cosine(meanDirection(units), meanDirection(references));
    }

    private static float[] meanDirection(List<float[]> vectors) {
        float[] mean = new float[vectors.get(0).length];
        for (float[] v : vectors) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += v[i];
            }
        }
        double norm = 0;
        for (float x : mean) {
            norm += x * x;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < mean.length; i++) {
            mean[i] *= scale;
        }
        return mean;
    }

    private static double[] similarities(Target target, List<float[]> units, boolean[] negated) {
        double[] best = new double[units.size()];
        for (int u = 0; u < units.size(); u++) {
            for (Reference ref : target.references()) {
                if (ref.negated() == negated[u]) {
                    best[u] = Math.max(best[u], SentenceEmbedder.cosine(units.get(u), ref.vector()));
                }
            }
        }
        return best;
    }

    /**
     * [unit][other unit] whether the other unit is a negated clause of the unit whose denial the unit leaves to that
     * clause: a consequence it denies ("Sharding splits the rows, so there is no failover" states the split and
     * denies failover). What such a clause says is said negatively, so its phrases do not count for the positive unit.
     */
    private boolean[][] deniedClauses(List<Span> units, boolean[] negated) {
        boolean[][] denied = new boolean[units.size()][];
        for (int u = 0; u < units.size(); u++) {
            Span outer = units.get(u);
            denied[u] = new boolean[units.size()];
            if (negated[u] || !negation.deniesAConsequence(outer.text())) {
                continue;
            }
            for (int c = 0; c < units.size(); c++) {
                Span inner = units.get(c);
                denied[u][c] = c != u && negated[c] && inner.start() >= outer.start() && inner.end() <= outer.end();
            }
        }
        return denied;
    }

    /** EXPERIMENT: when the clause nearest the target is positive, the sentence is compared positively, as positiveVector. */
    private static void nearestClauseDecides(Target target, int u, List<Integer> clauses, List<float[]> vectors,
                                             boolean[] negated, float[] positiveVector, Set<String> positiveTerms,
                                             double[] sim, boolean[] phrase, boolean derivedForms) {
        int nearest = -1;
        double near = Double.NEGATIVE_INFINITY;
        for (int c : clauses) {
            double closeness = closeness(target, vectors.get(c));
            if (closeness > near || (closeness == near && negated[c])) {
                nearest = c;
                near = closeness;
            }
        }
        if (nearest < 0 || negated[nearest]) {
            return;
        }
        sim[u] = 0;
        for (Reference ref : target.references()) {
            if (!ref.negated()) {
                sim[u] = Math.max(sim[u], SentenceEmbedder.cosine(positiveVector, ref.vector()));
            }
        }
        phrase[u] = false;
        for (Phrase p : target.phrases()) {
            if (!p.negated() && (derivedForms ? RubricMatcher.containsAllOfOneRoot(positiveTerms, p.terms())
                    : positiveTerms.containsAll(p.terms()))) {
                phrase[u] = true;
            }
        }
    }

    /** How near a unit is to a target: its highest cosine to any of the target's references, of either polarity. */
    private static double closeness(Target target, float[] unit) {
        double best = -1;
        for (Reference ref : target.references()) {
            best = Math.max(best, SentenceEmbedder.cosine(unit, ref.vector()));
        }
        return best;
    }

    /** [unit] the indexes of the other units (clauses) that lie inside it; empty for a clause or a one-clause sentence. */
    static List<List<Integer>> clausesOf(List<Span> units) {
        List<List<Integer>> inside = new ArrayList<>(units.size());
        for (Span outer : units) {
            List<Integer> mine = new ArrayList<>();
            for (int c = 0; c < units.size(); c++) {
                Span inner = units.get(c);
                if (inner != outer && inner.start() >= outer.start() && inner.end() <= outer.end()
                        && inner.end() - inner.start() < outer.end() - outer.start()) {
                    mine.add(c);
                }
            }
            inside.add(mine);
        }
        return inside;
    }

    /**
     * EXPERIMENT: per unit, for a negated sentence with both a positive and a negated clause, the sentence's text with
     * its negated clauses cut out; null for every other unit.
     */
    String[] remainders(List<Span> units) {
        String[] out = new String[units.size()];
        List<List<Integer>> clauses = clausesOf(units);
        boolean[] negated = new boolean[units.size()];
        for (int u = 0; u < negated.length; u++) {
            negated[u] = negation.isNegated(units.get(u).text());
        }
        for (int u = 0; u < out.length; u++) {
            List<Integer> mine = clauses.get(u);
            if (!negated[u] || mine.stream().noneMatch(c -> negated[c]) || mine.stream().allMatch(c -> negated[c])) {
                continue;
            }
            Span sentence = units.get(u);
            StringBuilder kept = new StringBuilder();
            int at = sentence.start();
            for (int c : mine) {
                Span clause = units.get(c);
                if (negated[c] && clause.start() >= at) {
                    kept.append(sentence.text(), at - sentence.start(), clause.start() - sentence.start()).append(' ');
                    at = clause.end();
                }
            }
            kept.append(sentence.text().substring(at - sentence.start()));
            String text = kept.toString().replaceAll("\\s*[,;:]\\s*(?=[,;:.!?]|$)", "").replaceAll("^[\\s,;:]+", "")
                    .replaceAll("\\s+", " ").trim();
            out[u] = text.isEmpty() ? null : text;
        }
        return out;
    }

    private static boolean[] phraseHits(Target target, List<Set<String>> unitTerms, boolean[] negated,
                                        boolean[][] deniedInside, boolean derivedForms) {
        boolean[] hits = new boolean[unitTerms.size()];
        for (int u = 0; u < unitTerms.size(); u++) {
            for (Phrase phrase : target.phrases()) {
                Set<String> terms = unitTerms.get(u);
                boolean occurs = derivedForms ? RubricMatcher.containsAllOfOneRoot(terms, phrase.terms())
                        : terms.containsAll(phrase.terms());
                for (int c = 0; c < unitTerms.size() && occurs; c++) {
                    // a phrase wholly inside a denied consequence is denied, not stated, by the unit around it
                    occurs = !(deniedInside[u][c] && (derivedForms
                            ? RubricMatcher.containsAllOfOneRoot(unitTerms.get(c), phrase.terms())
                            : unitTerms.get(c).containsAll(phrase.terms())));
                }
                if (phrase.negated() == negated[u] && occurs) {
                    hits[u] = true;
                    break;
                }
            }
        }
        return hits;
    }
}
