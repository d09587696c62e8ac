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
 * with positive ones. So "not replicated" never meets "replicated". Thread-safe.
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

    /** EXPERIMENT (session 15): how a sentence whose clauses disagree in polarity is compared. */
    public enum MixedSentences { NEGATED, NEAREST_CLAUSE, NEGATED_CLAUSES_BEST_POINT, DROPPED, POSITIVE_REMAINDER }

    public static volatile MixedSentences mixedSentences = MixedSentences.NEGATED;
    public static volatile boolean ellipsisGuard = false;
    private static final ThreadLocal<List<String>> UNIT_TEXT = new ThreadLocal<>();

    /** A clause that ends on its negation ("POST is not", "but B doesn't") denies what the clause before it states. */
    private static final java.util.regex.Pattern ELLIPTICAL = java.util.regex.Pattern.compile(
            "(?:\\bnot|n['’]t|\\bnever)\\W*$", java.util.regex.Pattern.CASE_INSENSITIVE);

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
        if (mixedSentences == MixedSentences.DROPPED || mixedSentences == MixedSentences.POSITIVE_REMAINDER) {
            units = rewriteMixed(units, negation);
        }
        List<float[]> vectors = embedder.embed(units.stream().map(Span::text).toList());
        int n = units.size();
        boolean[] negated = new boolean[n];
        List<Set<String>> terms = new ArrayList<>(n);
        for (int u = 0; u < n; u++) {
            negated[u] = negation.isNegated(units.get(u).text());
            terms.add(analyser.terms(units.get(u).text()));
        }
        UNIT_TEXT.set(units.stream().map(Span::text).toList());
        List<List<Integer>> clauses = clausesOf(units);
        boolean[][] kpNegated = polarities(rubric.keyPoints(), vectors, negated, clauses);
        boolean[][] mcNegated = polarities(rubric.misconceptions(), vectors, negated, clauses);
        double[][] kpSim = new double[rubric.keyPoints().size()][];
        boolean[][] kpPhrase = new boolean[rubric.keyPoints().size()][];
        boolean deniesKeyPoint = false;
        for (int k = 0; k < kpSim.length; k++) {
            kpSim[k] = similarities(rubric.keyPoints().get(k), vectors, kpNegated[k]);
            kpPhrase[k] = phraseHits(rubric.keyPoints().get(k), terms, kpNegated[k], negated, clauses, false);
            deniesKeyPoint |= denies(rubric.keyPoints().get(k), terms, kpNegated[k]);
        }
        double[][] mcSim = new double[rubric.misconceptions().size()][];
        boolean[][] mcPhrase = new boolean[rubric.misconceptions().size()][];
        for (int m = 0; m < mcSim.length; m++) {
            mcSim[m] = similarities(rubric.misconceptions().get(m), vectors, mcNegated[m]);
            // a misconception in the candidate's form of its words: "shorten the TTL" states "shorter ttl"
            mcPhrase[m] = phraseHits(rubric.misconceptions().get(m), terms, mcNegated[m], negated, clauses, true);
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
     * EXPERIMENT: a negated sentence with a positive clause is replaced by what it states positively, its positive
     * clauses together (POSITIVE_REMAINDER; when that is one clause, that clause is already a unit), or dropped.
     */
    static List<Span> rewriteMixed(List<Span> units, NegationDetector negation) {
        boolean[] negated = new boolean[units.size()];
        for (int u = 0; u < negated.length; u++) {
            negated[u] = negation.isNegated(units.get(u).text());
        }
        List<List<Integer>> clauses = clausesOf(units);
        java.util.LinkedHashMap<String, Span> out = new java.util.LinkedHashMap<>();
        for (int u = 0; u < units.size(); u++) {
            List<Integer> mine = clauses.get(u);
            boolean mixed = negated[u] && mine.stream().anyMatch(c -> negated[c]) && mine.stream().anyMatch(c -> !negated[c])
                    && !(ellipsisGuard && mine.stream().anyMatch(c -> negated[c] && ELLIPTICAL.matcher(units.get(c).text()).find()));
            if (!mixed) {
                out.putIfAbsent(units.get(u).start() + ":" + units.get(u).end(), units.get(u));
                continue;
            }
            List<Span> positive = mine.stream().filter(c -> !negated[c]).map(units::get).toList();
            if (mixedSentences == MixedSentences.POSITIVE_REMAINDER && positive.size() > 1) {
                Span joined = new Span(String.join(" ", positive.stream().map(Span::text).toList()),
                        positive.get(0).start(), positive.get(positive.size() - 1).end());
                out.putIfAbsent(joined.start() + ":" + joined.end() + ":joined", joined);
            }
        }
        return List.copyOf(out.values());
    }

    /** [unit] the indexes of the other units (clauses) that lie inside it; empty for a clause or a one-clause sentence. */
    public static List<List<Integer>> clausesOf(List<Span> units) {
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
     * [target][unit] the polarity unit u is compared with target t in. A unit of one polarity keeps its own. A
     * sentence whose clauses disagree ("X does not …, and the follower takes over") EXPERIMENT.
     */
    static boolean[][] polarities(List<Target> targets, List<float[]> vectors, boolean[] negated,
                                  List<List<Integer>> clauses) {
        boolean[][] polarity = new boolean[targets.size()][];
        for (int t = 0; t < targets.size(); t++) {
            polarity[t] = negated.clone();
        }
        if (mixedSentences != MixedSentences.NEAREST_CLAUSE && mixedSentences != MixedSentences.NEGATED_CLAUSES_BEST_POINT) {
            return polarity;
        }
        for (int u = 0; u < negated.length; u++) {
            List<Integer> mine = clauses.get(u);
            if (!mixed(u, negated, clauses)) {
                continue;
            }
            double[][] near = new double[targets.size()][];
            for (int t = 0; t < targets.size(); t++) {
                near[t] = new double[mine.size()];
                for (int i = 0; i < mine.size(); i++) {
                    near[t][i] = closeness(targets.get(t), vectors.get(mine.get(i)));
                }
            }
            if (mixedSentences == MixedSentences.NEAREST_CLAUSE) {
                // per target, the clause nearest it says what the sentence says about it (a tie: negated)
                for (int t = 0; t < targets.size(); t++) {
                    int nearest = -1;
                    for (int i = 0; i < mine.size(); i++) {
                        if (nearest < 0 || near[t][i] > near[t][nearest]
                                || (near[t][i] == near[t][nearest] && negated[mine.get(i)])) {
                            nearest = i;
                        }
                    }
                    polarity[t][u] = negated[mine.get(nearest)];
                }
            } else {
                // positive, except for the target each negated clause is nearest to
                for (int t = 0; t < targets.size(); t++) {
                    polarity[t][u] = false;
                }
                for (int i = 0; i < mine.size(); i++) {
                    if (!negated[mine.get(i)] || targets.isEmpty()) {
                        continue;
                    }
                    int best = 0;
                    for (int t = 1; t < targets.size(); t++) {
                        if (near[t][i] > near[best][i]) {
                            best = t;
                        }
                    }
                    polarity[best][u] = true;
                }
            }
        }
        return polarity;
    }

    /**
     * A negated sentence with a positive clause and a negated one. (A positive sentence with a negated clause is one
     * whose negation the sentence shows to be a condition's, "If the value isn't cached, it is loaded": it stays
     * positive.)
     */
    static boolean mixed(int u, boolean[] negated, List<List<Integer>> clauses) {
        return (mixedSentences == MixedSentences.NEAREST_CLAUSE || mixedSentences == MixedSentences.NEGATED_CLAUSES_BEST_POINT) && negated[u]
                && clauses.get(u).stream().anyMatch(c -> negated[c]) && clauses.get(u).stream().anyMatch(c -> !negated[c])
                && !(ellipsisGuard && clauses.get(u).stream().anyMatch(c -> negated[c] && ELLIPTICAL.matcher(UNIT_TEXT.get().get(c)).find()));
    }

    /** How near a unit is to a target: its highest cosine to any of the target's references, of either polarity. */
    private static double closeness(Target target, float[] unit) {
        double best = -1;
        for (Reference ref : target.references()) {
            best = Math.max(best, SentenceEmbedder.cosine(unit, ref.vector()));
        }
        return best;
    }

    private static boolean[] phraseHits(Target target, List<Set<String>> unitTerms, boolean[] negated,
                                        boolean[] ownPolarity, List<List<Integer>> clauses, boolean derivedForms) {
        boolean[] hits = new boolean[unitTerms.size()];
        for (int u = 0; u < unitTerms.size(); u++) {
            for (Phrase phrase : target.phrases()) {
                Set<String> terms = unitTerms.get(u);
                boolean occurs = derivedForms ? RubricMatcher.containsAllOfOneRoot(terms, phrase.terms())
                        : terms.containsAll(phrase.terms());
                // a phrase that lies wholly inside a clause of the other polarity is said with that clause's polarity
                for (int c : mixed(u, ownPolarity, clauses) ? clauses.get(u) : List.<Integer>of()) {
                    if (occurs && ownPolarity[c] != phrase.negated() && (derivedForms
                            ? RubricMatcher.containsAllOfOneRoot(unitTerms.get(c), phrase.terms())
                            : unitTerms.get(c).containsAll(phrase.terms()))) {
                        occurs = false;
                    }
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
