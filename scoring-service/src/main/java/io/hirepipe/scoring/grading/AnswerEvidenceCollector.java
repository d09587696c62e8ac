package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.AnswerSegmenter.Span;
import io.hirepipe.scoring.grading.RubricEmbeddings.Target;

import java.util.List;
import java.util.Set;

/**
 * Measures an answer against a rubric: reads it into units ({@link AnswerReader}: segmented, each unit's polarity
 * read, embedded in one batch) and fills an {@link AnswerEvidence}. Polarity must agree for any evidence to count: a
 * negated unit ("replicas do not hold a copy") is compared only with negated references and phrases, a positive unit
 * only with positive ones. So "not replicated" never meets "replicated". A negated unit that names no term of any key
 * point ("never glue user text into a database statement") is also measured against references of either polarity
 * ({@link AnswerEvidence#statedInOtherWords()}): it states a point through its negation; a denial names what it denies.
 * A sentence whose only negation lies in a
 * clause of result or reason after its statement ("each copy is given a lifetime, so nothing can be out of date
 * longer", {@link NegationDetector}) is positive: it states what comes before the "so"; the negated clause is still
 * a negated unit of its own, and a key point's or misconception's phrase that lies wholly inside it does not count
 * for the sentence around it ("sharding splits the rows, so there is no failover" does not meet failover). A
 * negated sentence with a positive clause stays a negated unit, and its positive part (the sentence without its
 * negated clauses, {@link PositiveParts}) is one more positive unit, quoted as the sentence: a point the candidate
 * spreads over that sentence's positive clauses is not lost to the denial next to them.
 * What the candidate sets aside ({@link DismissedKeyPoints}) makes no point: a unit that takes away what a key point
 * recommends having ("once it works we remove the timeouts") is read as a denial of it and takes back the answer's
 * earlier statements of it, and a unit that calls it optional ("a circuit breaker is optional") is no evidence for it.
 * Phrases are looked for in what each unit claims ({@link Claims}, {@link PhraseEvidence}); the cosines are
 * {@link UnitCosines}; what the negated units do to the key points is {@link KeyPointDenials}.
 * Thread-safe.
 */
public final class AnswerEvidenceCollector {

    private static final HedgeDetector HEDGES = new HedgeDetector();

    private final RubricMatcher analyser;
    private final AnswerReader reader;
    private final KeyPointDenials denials;
    private final KeywordListDetector keywordLists;
    private final NeighbouringQuestions neighbours;

    public AnswerEvidenceCollector(SentenceEmbedder embedder, RubricMatcher analyser, NegationDetector negation,
                                   AnswerSegmenter segmenter, KeywordListDetector keywordLists) {
        this(embedder, analyser, negation, segmenter, keywordLists, NeighbouringQuestions.NONE);
    }

    public AnswerEvidenceCollector(SentenceEmbedder embedder, RubricMatcher analyser, NegationDetector negation,
                                   AnswerSegmenter segmenter, KeywordListDetector keywordLists,
                                   NeighbouringQuestions neighbours) {
        this.analyser = analyser;
        this.reader = new AnswerReader(embedder, analyser, negation, segmenter);
        this.denials = new KeyPointDenials(analyser, negation);
        this.keywordLists = keywordLists;
        this.neighbours = neighbours;
    }

    public AnswerEvidence collect(String answer, RubricEmbeddings rubric) {
        AnswerAsRead read = reader.read(answer, rubric);
        int n = read.size();
        List<float[]> vectors = read.vectors();
        boolean[] negated = read.negated();
        Claims claims = Claims.of(answer, read, analyser);
        PhraseEvidence phrases = new PhraseEvidence(read, claims, denials.deniedClauses(read), analyser);

        List<Target> keyPoints = rubric.keyPoints();
        double[][] kpSim = new double[keyPoints.size()][];
        boolean[][] kpPhrase = new boolean[keyPoints.size()][];
        boolean[][] statedInOtherWords = new boolean[kpSim.length][];
        double[][] eitherPolarity = new double[kpSim.length][];
        boolean deniesKeyPoint = false;
        boolean[] inOtherWords = KeyPointDenials.statedInOtherWords(keyPoints, read.terms(), negated);
        for (int k = 0; k < kpSim.length; k++) {
            kpSim[k] = UnitCosines.similarities(keyPoints.get(k), vectors, negated);
            statedInOtherWords[k] = inOtherWords;
            eitherPolarity[k] = UnitCosines.eitherPolarity(keyPoints.get(k), vectors, negated, kpSim[k]);
            kpPhrase[k] = phrases.ofKeyPoint(keyPoints.get(k));
            deniesKeyPoint |= KeyPointDenials.denies(keyPoints.get(k), claims.terms(), negated);
            // a unit wholly taken back, or nothing but a contrast, claims nothing: no cosine evidence either
            for (int u = 0; u < n; u++) {
                if (claims.takenBackWholly()[u] || claims.contrastOnly()[u]) {
                    kpSim[k][u] = 0;
                    eitherPolarity[k][u] = 0;
                }
            }
        }
        boolean[][] noCosineEvidence = denials.deniedByName(rubric, read);
        // what the candidate sets aside ("we remove the timeouts", "a circuit breaker is optional") makes no point; its
        // cosines stay, as the contrast measures the unit against every key point, the one set aside included
        boolean[][] dismissed = read.dismissed().points();
        for (int k = 0; k < kpSim.length; k++) {
            for (int u = 0; u < n; u++) {
                if (dismissed[k][u]) {
                    noCosineEvidence[k][u] = true;
                    kpPhrase[k][u] = false;
                }
            }
        }

        List<Target> misconceptions = rubric.misconceptions();
        double[][] mcSim = new double[misconceptions.size()][];
        boolean[][] mcPhrase = new boolean[misconceptions.size()][];
        for (int m = 0; m < mcSim.length; m++) {
            mcSim[m] = UnitCosines.similarities(misconceptions.get(m), vectors, negated);
            // its vector holds what it takes back, asks or contrasts: such a unit states a misconception by phrases only
            for (int u = 0; u < n; u++) {
                if (claims.takenBackPartly()[u] || claims.asked()[u] || claims.contrastOnly()[u]) {
                    mcSim[m][u] = 0;
                }
            }
            mcPhrase[m] = phrases.ofMisconception(misconceptions.get(m));
        }

        UnitCosines.Topicality topicality = UnitCosines.topicality(vectors, rubric);
        return new AnswerEvidence(answer, read.units(), negated, kpSim, kpPhrase, mcSim, mcPhrase, topicality.best(),
                keywordLists.inspect(answer, rubric.rubricPhrases(), rubric.rubricTerms()), read.truncated(),
                UnitCosines.holistic(vectors, rubric), deniesKeyPoint, promptEcho(read.terms(), rubric.promptTerms()),
                hedged(read.units(), HEDGES), topicality.perUnit(), topicality.prompt(),
                UnitCosines.nearest(vectors, neighbours.besides(rubric)), UnitCosines.contradicted(rubric, read),
                statedInOtherWords, eitherPolarity, noCosineEvidence);
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
                hedged[u] = own[o] && outer.encloses(inner);
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
}
