package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.AnswerSegmenter.Span;
import io.hirepipe.scoring.grading.RubricEmbeddings.Reference;
import io.hirepipe.scoring.grading.RubricEmbeddings.Target;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds what an answer's negated units do to the key points: deny one in its own words ("REST is not stateless": the
 * answer takes up the point and gets it wrong), deny one by name so that its likeness to the negated references is no
 * evidence ("There is no need for a timeout."), or state one in other words ("never glue user text into a database
 * statement"), and which negated clauses a positive sentence leaves its denial to ("…, so there is no failover").
 * Polarity alone would read all of these alike. Thread-safe.
 */
final class KeyPointDenials {

    /** What a negated reference shares with every denial: its negation, and the "so" that makes it a consequence. */
    private static final String NEGATION_AND_CONSEQUENCE_WORDS =
            "so because since do does not no never cannot can nor none nothing neither";

    private final RubricMatcher analyser;
    private final NegationDetector negation;
    private final Set<String> negationAndConsequenceWords;

    KeyPointDenials(RubricMatcher analyser, NegationDetector negation) {
        this.analyser = analyser;
        this.negation = negation;
        this.negationAndConsequenceWords = analyser.terms(NEGATION_AND_CONSEQUENCE_WORDS);
    }

    /** A negated unit that contains one of the key point's positive phrases: "REST does not use HTTP methods". */
    static boolean denies(Target target, List<Set<String>> unitTerms, boolean[] negated) {
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
     * compared are a unit's terms without what it removes, for a removal (session 43; {@link #namingTerms}).
     */
    boolean[][] deniedByName(RubricEmbeddings rubric, AnswerAsRead read) {
        List<Target> keyPoints = rubric.keyPoints();
        List<Set<String>> unitTerms = read.terms();
        List<Set<String>> sharedTerms = namingTerms(read);
        boolean[] negated = read.negated();
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
                    negatedWords.removeAll(rubric.promptTerms());
                }
                denied[k][u] = Collections.disjoint(negatedWords, sharedTerms.get(u));
            }
            deniedByItsClauses(denied[k], read.units(), negated);
        }
        return denied;
    }

    /**
     * [unit] the unit's terms, for a removal without what it removes: what a removal names is the point it denies, not a
     * word it shares with another point's negated references ("Turn off retries for payments" against "so a retried
     * payment is not charged twice").
     */
    private static List<Set<String>> namingTerms(AnswerAsRead read) {
        DismissedKeyPoints.Dismissed dismissed = read.dismissed();
        List<Set<String>> namingTerms = new ArrayList<>(read.terms());
        for (int u = 0; u < read.size(); u++) {
            if (dismissed.removing()[u]) {
                Set<String> rest = new HashSet<>(read.terms().get(u));
                rest.removeAll(dismissed.removedWords().get(u));
                namingTerms.set(u, rest);
            }
        }
        return namingTerms;
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
                boolean inside = c != u && sentence.encloses(clause);
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
     * [unit] whether the unit is a negation in other words: negated, and naming no term of any key point. A denial names
     * what it denies ("REST is not stateless"), and a negation that names one key point's words is about that point's
     * matter ("it must not be charged twice"); "never glue user text into a database statement" states a point through
     * a negation, and is read for what it states.
     */
    static boolean[] statedInOtherWords(List<Target> keyPoints, List<Set<String>> unitTerms, boolean[] negated) {
        boolean[] stated = new boolean[unitTerms.size()];
        for (int u = 0; u < stated.length; u++) {
            Set<String> words = unitTerms.get(u);
            stated[u] = negated[u] && keyPoints.stream().allMatch(k -> Collections.disjoint(words, k.terms()));
        }
        return stated;
    }

    /**
     * [unit][other unit] whether the other unit is a negated clause of the unit whose denial the unit leaves to that
     * clause: a consequence it denies ("Sharding splits the rows, so there is no failover" states the split and
     * denies failover). What such a clause says is said negatively, so its phrases do not count for the positive unit.
     */
    boolean[][] deniedClauses(AnswerAsRead read) {
        List<Span> units = read.units();
        boolean[] negated = read.negated();
        boolean[][] denied = new boolean[units.size()][];
        for (int u = 0; u < units.size(); u++) {
            Span outer = units.get(u);
            denied[u] = new boolean[units.size()];
            if (negated[u] || !negation.deniesAConsequence(read.texts().get(u))) {
                continue;
            }
            for (int c = 0; c < units.size(); c++) {
                Span inner = units.get(c);
                denied[u][c] = c != u && negated[c] && outer.encloses(inner);
            }
        }
        return denied;
    }
}
