package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.AnswerSegmenter.Span;
import io.hirepipe.scoring.grading.RubricEmbeddings.Phrase;
import io.hirepipe.scoring.grading.RubricEmbeddings.Reference;
import io.hirepipe.scoring.grading.RubricEmbeddings.Target;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Measures an answer against a rubric: reads it into units ({@link AnswerReader}: segmented, each unit's polarity
 * read, embedded in one batch) and fills an {@link AnswerEvidence}. Polarity must agree for any evidence to count: a negated unit ("replicas
 * do not hold a copy") is compared only with negated references and phrases, a positive unit only
 * with positive ones. So "not replicated" never meets "replicated". A negated unit that names no term of any key
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
 * What the candidate sets aside ({@link DismissedKeyPoints}) makes no point: a unit that takes away what a key point recommends
 * having ("once it works we remove the timeouts") is read as a denial of it and takes back the answer's earlier
 * statements of it, and a unit that calls it optional ("a circuit breaker is optional") is no evidence for it.
 * Thread-safe.
 */
public final class AnswerEvidenceCollector {

    private final RubricMatcher analyser;
    private final NegationDetector negation;
    private final AnswerReader reader;
    private final KeywordListDetector keywordLists;
    private final NeighbouringQuestions neighbours;
    private static final HedgeDetector HEDGES = new HedgeDetector();
    /** What a negated reference shares with every denial: its negation, and the "so" that makes it a consequence. */
    private static final String NEGATION_AND_CONSEQUENCE_WORDS =
            "so because since do does not no never cannot can nor none nothing neither";
    private final Set<String> negationAndConsequenceWords;

    public AnswerEvidenceCollector(SentenceEmbedder embedder, RubricMatcher analyser, NegationDetector negation,
                                   AnswerSegmenter segmenter, KeywordListDetector keywordLists) {
        this(embedder, analyser, negation, segmenter, keywordLists, NeighbouringQuestions.NONE);
    }

    public AnswerEvidenceCollector(SentenceEmbedder embedder, RubricMatcher analyser, NegationDetector negation,
                                   AnswerSegmenter segmenter, KeywordListDetector keywordLists,
                                   NeighbouringQuestions neighbours) {
        this.neighbours = neighbours;
        this.negationAndConsequenceWords = analyser.terms(NEGATION_AND_CONSEQUENCE_WORDS);
        this.analyser = analyser;
        this.negation = negation;
        this.reader = new AnswerReader(embedder, analyser, negation, segmenter);
        this.keywordLists = keywordLists;
    }

    public AnswerEvidence collect(String answer, RubricEmbeddings rubric) {
        AnswerAsRead read = reader.read(answer, rubric);
        List<Span> units = read.units();
        List<String> readAs = read.texts();
        int own = read.own();
        int n = read.size();
        boolean[] negated = read.negated();
        List<Set<String>> terms = read.terms();
        List<float[]> vectors = read.vectors();
        DismissedKeyPoints.Dismissed dismissed = read.dismissed();
        boolean[][] deniedInside = deniedClauses(units, readAs, negated);
        TakenBack takenBack = takenBack(answer, units, own, readAs, terms);
        // what the candidate names only as a contrast ("Unlike a circuit breaker, …") is no claim (NamedContrasts)
        boolean[] contrastOnly = new boolean[n];
        List<Set<String>> claimTerms = withoutContrasts(readAs, takenBack.claimTerms(), contrastOnly);
        double[][] kpSim = new double[rubric.keyPoints().size()][];
        boolean[][] kpPhrase = new boolean[rubric.keyPoints().size()][];
        boolean[][] statedInOtherWords = new boolean[kpSim.length][];
        double[][] eitherPolarity = new double[kpSim.length][];
        boolean deniesKeyPoint = false;
        boolean[] inOtherWords = statedInOtherWords(rubric.keyPoints(), terms, negated);
        // a key point's phrase is also met through the thesaurus: "each entry gets a lifetime" states "ttl"
        List<Set<String>> claimEquivalents = withEquivalents(readAs, claimTerms);
        for (int k = 0; k < kpSim.length; k++) {
            kpSim[k] = UnitCosines.similarities(rubric.keyPoints().get(k), vectors, negated);
            statedInOtherWords[k] = inOtherWords;
            eitherPolarity[k] = UnitCosines.eitherPolarity(rubric.keyPoints().get(k), vectors, negated, kpSim[k]);
            kpPhrase[k] = phraseHits(rubric.keyPoints().get(k), n, negated, deniedInside, (c, phrase) ->
                    claimTerms.get(c).containsAll(phrase.terms())
                            || claimEquivalents.get(c).containsAll(phrase.equivalentTerms()));
            deniesKeyPoint |= denies(rubric.keyPoints().get(k), claimTerms, negated);
            for (int u = 0; u < n; u++) {
                if (takenBack.wholly()[u] || contrastOnly[u]) {
                    kpSim[k][u] = 0;
                    eitherPolarity[k][u] = 0;
                }
            }
        }
        // what a removal names is the point it denies, not a word it shares with another point's negated references
        // ("Turn off retries for payments" against "so a retried payment is not charged twice")
        List<Set<String>> namingTerms = new ArrayList<>(terms);
        for (int u = 0; u < n; u++) {
            if (dismissed.removing()[u]) {
                Set<String> rest = new HashSet<>(terms.get(u));
                rest.removeAll(dismissed.removedWords().get(u));
                namingTerms.set(u, rest);
            }
        }
        boolean[][] noCosineEvidence = deniedByName(rubric.keyPoints(), rubric.promptTerms(), units, terms, namingTerms,
                negated);
        // what the candidate sets aside ("we remove the timeouts", "a circuit breaker is optional") makes no point; its
        // cosines stay, as the contrast measures the unit against every key point, the one set aside included
        for (int k = 0; k < kpSim.length; k++) {
            for (int u = 0; u < n; u++) {
                if (dismissed.points()[k][u]) {
                    noCosineEvidence[k][u] = true;
                    kpPhrase[k][u] = false;
                }
            }
        }
        List<Set<String>> proposed = withoutRejectedActions(readAs, claimTerms);
        // a question the candidate asks claims nothing (AskedQuestions)
        boolean[] asked = AskedQuestions.of(units);
        for (int u = 0; u < n; u++) {
            if (asked[u]) {
                proposed.set(u, Set.of());
            }
        }
        double[][] mcSim = new double[rubric.misconceptions().size()][];
        boolean[][] mcPhrase = new boolean[rubric.misconceptions().size()][];
        List<Set<String>> deniedInParts = deniedInParts(units, own, negated, terms);
        for (int m = 0; m < mcSim.length; m++) {
            mcSim[m] = UnitCosines.similarities(rubric.misconceptions().get(m), vectors, negated);
            for (int u = 0; u < n; u++) {
                if (takenBack.partly()[u] || asked[u] || contrastOnly[u]) {
                    mcSim[m][u] = 0;
                }
            }
            // a misconception in the candidate's form of its words: "shorten the TTL" states "shorter ttl"
            // not through the thesaurus: a claim is charged in its author's words, a false synonym would cost a right answer
            mcPhrase[m] = phraseHits(rubric.misconceptions().get(m), n, negated, deniedInside,
                    (c, phrase) -> RubricMatcher.containsAllOfOneRoot(proposed.get(c), phrase.terms()));
            // "GET, PUT and DELETE are idempotent and POST is not, and a payment is typically a POST": read without its
            // denial the sentence holds "POST" and "idempotent", but the candidate denied the very thing
            unlessTheDenialNamesIt(rubric.misconceptions().get(m), mcPhrase[m], own, proposed, deniedInParts);
        }
        UnitCosines.Topicality topicality = UnitCosines.topicality(vectors, rubric);
        return new AnswerEvidence(answer, units, negated, kpSim, kpPhrase, mcSim, mcPhrase, topicality.best(),
                keywordLists.inspect(answer, rubric.rubricPhrases(), rubric.rubricTerms()), read.truncated(),
                UnitCosines.holistic(vectors, rubric), deniesKeyPoint, promptEcho(terms, rubric.promptTerms()),
                hedged(units, HEDGES), topicality.perUnit(), topicality.prompt(),
                UnitCosines.nearest(vectors, neighbours.besides(rubric)), UnitCosines.contradicted(rubric, read),
                statedInOtherWords, eitherPolarity, noCosineEvidence);
    }

    /**
     * What the candidate takes back ({@link SelfCorrections}), per unit: whether the unit lies wholly inside it (no
     * evidence at all), whether it holds some of it (its vector does too, so it states a misconception by phrases only),
     * and its terms without what was taken back, which its phrases are looked for in.
     */
    private record TakenBack(boolean[] wholly, boolean[] partly, List<Set<String>> claimTerms) {
    }

    private TakenBack takenBack(String answer, List<Span> units, int own, List<String> readAs, List<Set<String>> terms) {
        List<Span> spans = SelfCorrections.takenBack(answer, units.subList(0, own));
        int n = units.size();
        TakenBack taken = new TakenBack(new boolean[n], new boolean[n], new ArrayList<>(terms));
        for (int u = 0; u < n && !spans.isEmpty(); u++) {
            Span unit = units.get(u);
            String claims = readAs.get(u);
            for (Span back : spans) {
                taken.wholly()[u] |= back.start() <= unit.start() && unit.end() <= back.end();
                if (unit.start() < back.end() && back.start() < unit.end()) {
                    taken.partly()[u] = true;
                    claims = claims.replace(back.text(), " ");
                }
            }
            if (taken.wholly()[u]) {
                taken.claimTerms().set(u, Set.of());
            } else if (taken.partly()[u]) {
                taken.claimTerms().set(u, analyser.terms(claims));
            }
        }
        return taken;
    }

    /**
     * [unit] the claim's terms that lie outside the things it names only as a contrast ({@link NamedContrasts}): where
     * key points' and misconceptions' phrases are looked for. A unit of nothing but a contrast keeps no term and is
     * marked in {@code contrastOnly}.
     */
    private List<Set<String>> withoutContrasts(List<String> readAs, List<Set<String>> claimTerms, boolean[] contrastOnly) {
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
    private List<Set<String>> withoutRejectedActions(List<String> readAs, List<Set<String>> claimTerms) {
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

    /**
     * [unit] whether the unit is a negation in other words: negated, and naming no term of any key point. A denial names
     * what it denies ("REST is not stateless"), and a negation that names one key point's words is about that point's
     * matter ("it must not be charged twice"); "never glue user text into a database statement" states a point through
     * a negation, and is read for what it states.
     */
    private static boolean[] statedInOtherWords(List<Target> keyPoints, List<Set<String>> unitTerms, boolean[] negated) {
        boolean[] stated = new boolean[unitTerms.size()];
        for (int u = 0; u < stated.length; u++) {
            Set<String> words = unitTerms.get(u);
            stated[u] = negated[u] && keyPoints.stream().allMatch(k -> Collections.disjoint(words, k.terms()));
        }
        return stated;
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
            if (negated[u] && namesPositively(target, unitTerms.get(u))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code terms} hold all the terms of a positive phrase of one of the key points. */
    private static boolean namesAnyPositively(List<Target> keyPoints, Set<String> terms) {
        return keyPoints.stream().anyMatch(k -> namesPositively(k, terms));
    }

    /** Whether {@code terms} hold all the terms of one of the target's positive phrases. */
    private static boolean namesPositively(Target target, Set<String> terms) {
        return target.phrases().stream().anyMatch(phrase -> !phrase.negated() && terms.containsAll(phrase.terms()));
    }

    /**
     * [key point][unit] whether the negated unit is a denial by name that says nothing of the key point's negated
     * references: it names a positive phrase of some key point of the rubric, and no word of this point's negated
     * references but the prompt's ("There is no need for a timeout." against "so a hanging provider cannot tie up all our
     * threads"; "There's no reason to use a circuit breaker for a payment provider." against the same, and against "so a
     * retried payment is not charged twice"). Such a clause is near those references only as one negative sentence about
     * the question's matter is near another; it agrees with none of them, and its cosine is no evidence for the point (its
     * phrases still count). A clause that names a point and also what a negated reference says states the point through
     * it ("A timeout means a slow provider can't hold our threads forever"), and is measured as before (docs/grading.md,
     * session 41, third part), and so is a negation that names no key point (the candidate's own words, session 35). The
     * prompt's words say neither: they name what the question is about, which a denial shares with every reference
     * ("Timeouts are not needed if the provider is reliable" shares only the prompt's "provider"; session 42). The words
     * compared are {@code sharedTerms}: a unit's terms without what it removes, for a removal (session 43).
     */
    private boolean[][] deniedByName(List<Target> keyPoints, Set<String> promptTerms, List<Span> units,
                                     List<Set<String>> unitTerms, List<Set<String>> sharedTerms, boolean[] negated) {
        boolean[][] denied = new boolean[keyPoints.size()][unitTerms.size()];
        boolean[] deniesByName = new boolean[unitTerms.size()];
        for (int u = 0; u < unitTerms.size(); u++) {
            deniesByName[u] = negated[u] && namesAnyPositively(keyPoints, unitTerms.get(u));
        }
        for (int k = 0; k < denied.length; k++) {
            Set<String> negatedWords = null;
            for (int u = 0; u < unitTerms.size(); u++) {
                if (!deniesByName[u]) {
                    continue;
                }
                if (negatedWords == null) {
                    negatedWords = negatedReferenceWords(keyPoints.get(k));
                    negatedWords.removeAll(promptTerms);
                }
                denied[k][u] = Collections.disjoint(negatedWords, sharedTerms.get(u));
            }
            deniedByItsClauses(denied[k], units, negated);
        }
        return denied;
    }

    /**
     * Marks a negated sentence denied when each of its negated clauses denies the point by name: its negation is that
     * denial, and the words it shares with the point's negated references lie in a positive clause that says the
     * opposite of them ("Jitter is not necessary; keys can expire together." against "so keys do not expire together").
     */
    private static void deniedByItsClauses(boolean[] denied, List<Span> units, boolean[] negated) {
        for (int u = 0; u < denied.length; u++) {
            if (denied[u] || !negated[u]) {
                continue;
            }
            Span sentence = units.get(u);
            boolean anyNegatedClause = false;
            boolean allDenied = true;
            for (int c = 0; c < denied.length; c++) {
                Span clause = units.get(c);
                boolean inside = c != u && clause.start() >= sentence.start() && clause.end() <= sentence.end();
                if (inside && negated[c]) {
                    anyNegatedClause = true;
                    allDenied &= denied[c];
                }
            }
            denied[u] = anyNegatedClause && allDenied;
        }
    }

    /** The analysed words of the target's negated references, without the words that negate or give a consequence. */
    private Set<String> negatedReferenceWords(Target target) {
        Set<String> words = new HashSet<>();
        for (Reference ref : target.references()) {
            if (ref.negated()) {
                words.addAll(analyser.terms(ref.text()));
            }
        }
        words.removeAll(negationAndConsequenceWords);
        return words;
    }

    /**
     * [unit][other unit] whether the other unit is a negated clause of the unit whose denial the unit leaves to that
     * clause: a consequence it denies ("Sharding splits the rows, so there is no failover" states the split and
     * denies failover). What such a clause says is said negatively, so its phrases do not count for the positive unit.
     */
    private boolean[][] deniedClauses(List<Span> units, List<String> readAs, boolean[] negated) {
        boolean[][] denied = new boolean[units.size()][];
        for (int u = 0; u < units.size(); u++) {
            Span outer = units.get(u);
            denied[u] = new boolean[units.size()];
            if (negated[u] || !negation.deniesAConsequence(readAs.get(u))) {
                continue;
            }
            for (int c = 0; c < units.size(); c++) {
                Span inner = units.get(c);
                denied[u][c] = c != u && negated[c] && inner.start() >= outer.start() && inner.end() <= outer.end();
            }
        }
        return denied;
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
                if (negated[c] && clause.start() >= part.start() && clause.end() <= part.end()
                        && clause.end() - clause.start() < part.end() - part.start()) {
                    denied.addAll(terms.get(c));
                }
            }
            deniedInParts.add(denied);
        }
        return deniedInParts;
    }

    /** Whether unit {@code c}'s terms hold the phrase (for a key point, also in other words; for a misconception in any form). */
    @FunctionalInterface
    private interface PhraseIn {
        boolean unit(int c, Phrase phrase);
    }

    private static boolean[] phraseHits(Target target, int units, boolean[] negated, boolean[][] deniedInside,
                                        PhraseIn occursIn) {
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

    /** [unit] the unit's claim terms and the marks of the thesaurus entries it says within them. */
    private List<Set<String>> withEquivalents(List<String> readAs, List<Set<String>> claimTerms) {
        List<Set<String>> out = new ArrayList<>(claimTerms.size());
        for (int u = 0; u < claimTerms.size(); u++) {
            Set<String> terms = new HashSet<>(claimTerms.get(u));
            terms.addAll(analyser.equivalents(readAs.get(u), claimTerms.get(u)));
            out.add(terms);
        }
        return out;
    }
}
