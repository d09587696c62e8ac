package io.hirepipe.scoring.grading;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises an answer that strings rubric terms together without explaining anything
 * ("load balancer, autoscaling, cache, redis, queue, rate limit"). Real explanations, even terse ones,
 * are held together by function words (articles, prepositions, pronouns, auxiliaries, conjunctions)
 * and verbs; a keyword list has almost none, and most of its words are the rubric's own.
 *
 * <p>The signals: the share of function words among all words, and the share of words whose stem is
 * a rubric term. {@link Signals#isKeywordList} applies the thresholds, which live in the grading
 * settings. Thread-safe.
 */
public final class KeywordListDetector {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’]*");

    /** Words that carry grammar rather than topic: what a sentence has and a list of terms lacks. */
    private static final Set<String> FUNCTION_WORDS = Set.of(
            "a", "an", "the", "this", "that", "these", "those", "some", "any", "each", "every", "all", "both",
            "its", "it", "it's", "they", "them", "their", "we", "our", "us", "you", "your", "i", "me", "my", "he", "she",
            "one", "ones", "itself", "themselves", "what", "which", "who", "whom", "whose", "when", "where", "why", "how",
            "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "doing",
            "has", "have", "had", "having", "can", "could", "will", "would", "shall", "should", "may", "might", "must",
            "isn't", "aren't", "doesn't", "don't", "didn't", "won't", "can't", "cannot", "wouldn't", "shouldn't",
            "of", "in", "on", "at", "to", "for", "from", "with", "without", "by", "about", "into", "onto", "over",
            "under", "between", "through", "before", "after", "during", "behind", "across", "against", "towards",
            "and", "or", "but", "so", "if", "then", "than", "because", "while", "whereas", "although", "though",
            "unless", "until", "since", "as", "like", "not", "no", "never", "also", "only", "just", "even", "still",
            "there", "here", "more", "most", "less", "much", "many", "such", "very", "too", "again", "instead",
            "get", "gets", "got", "make", "makes", "made", "use", "uses", "used", "using", "let", "lets", "put",
            "go", "goes", "need", "needs", "want", "take", "takes", "give", "gives", "keep", "keeps", "mean", "means");

    private final RubricMatcher stemmer;

    public KeywordListDetector(RubricMatcher stemmer) {
        this.stemmer = stemmer;
    }

    /**
     * @param functionWordShare share of words that are function words
     * @param rubricTermShare   share of words whose stem is one of the rubric's terms
     */
    public record Signals(int words, double functionWordShare, double rubricTermShare) {

        /**
         * A keyword list has at least {@code minWords} words, fewer function words than
         * {@code maxFunctionWordShare} and more rubric terms than {@code minRubricTermShare}.
         */
        public boolean isKeywordList(int minWords, double maxFunctionWordShare, double minRubricTermShare) {
            return words >= minWords && functionWordShare < maxFunctionWordShare
                    && rubricTermShare > minRubricTermShare;
        }
    }

    /** @param rubricTerms the rubric's phrase terms, as {@link RubricMatcher#terms} analyses them */
    public Signals inspect(String answer, Set<String> rubricTerms) {
        int words = 0;
        int functionWords = 0;
        int rubricWords = 0;
        Matcher m = WORD.matcher(answer == null ? "" : answer);
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT).replace('’', '\'');
            words++;
            if (FUNCTION_WORDS.contains(word)) {
                functionWords++;
            } else if (stemmer.terms(word).stream().anyMatch(rubricTerms::contains)) {
                rubricWords++;
            }
        }
        if (words == 0) {
            return new Signals(0, 0, 0);
        }
        return new Signals(words, (double) functionWords / words, (double) rubricWords / words);
    }
}
