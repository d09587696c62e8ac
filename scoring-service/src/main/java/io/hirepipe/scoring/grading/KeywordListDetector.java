package io.hirepipe.scoring.grading;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
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
 * <p>The signals: the share of the answer's words that stand in list-like sentences (three words or more,
 * under one function word in ten), and the share of words whose stem is a rubric term. Measuring per
 * sentence lets a terse answer that names a few things in a list ("Levels: read committed &lt;
 * repeatable read &lt; serializable.") and then explains them in real sentences pass, while a list
 * dressed up with a label or two ("Caching: Redis cache-aside write-through. TTL expiration.") does not.
 * {@link Signals#isKeywordList} applies the thresholds, which live in the grading settings. Thread-safe.
 */
public final class KeywordListDetector {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’]*");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?;\\n]+(?:\\s|$)");
    private static final int LIST_SENTENCE_MIN_WORDS = 3;
    private static final String RUBRIC_TERM = "rubricterm";
    private static final double LIST_SENTENCE_MAX_FUNCTION_SHARE = 0.1;
    /** A label that groups the terms after it: "GraphQL: …", "REST - …", "CAP = …", "writes -> …". */
    private static final Pattern LABEL = Pattern.compile(":(?!//)|\\s[-–—]+\\s|=|->");

    /** Words that carry grammar rather than topic: what a sentence has and a list of terms lacks. */
    static final Set<String> FUNCTION_WORDS = Set.of(
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
    /** Compiled once per rubric rather than per answer: compiling them cost more than matching them. */
    private final Cache<List<String>, List<Pattern>> phrasePatterns = Caffeine.newBuilder().maximumSize(2_000).build();
    /** A word's stems do not depend on the rubric; an answer repeats words, and answers share them. */
    private final Cache<String, Set<String>> stems = Caffeine.newBuilder().maximumSize(50_000).build();

    public KeywordListDetector(RubricMatcher stemmer) {
        this.stemmer = stemmer;
    }

    /**
     * @param functionWordShare share of words that are function words
     * @param listShare         share of words standing in list-like sentences
     * @param rubricTermShare   share of words whose stem is one of the rubric's terms
     * @param structured        the answer groups its words: a label ("GraphQL: …", "REST - …") or more than
     *                          one sentence. A bare run of terms ("https tls jwt oauth cors") has no structure:
     *                          the grading guide gives it 0, a list that shows some grouping at most 1
     */
    public record Signals(int words, double functionWordShare, double listShare, double rubricTermShare,
                          boolean structured) {

        /**
         * A keyword list has at least {@code minWords} words; at least {@code minListShare} of them in
         * list-like sentences, or fewer function words overall than {@code maxFunctionWordShare}; and at
         * least {@code minRubricTermShare} rubric terms.
         */
        public boolean isKeywordList(int minWords, double minListShare, double maxFunctionWordShare,
                                     double minRubricTermShare) {
            return words >= minWords && (listShare >= minListShare || functionWordShare < maxFunctionWordShare)
                    && rubricTermShare >= minRubricTermShare;
        }
    }

    /**
     * @param rubricPhrases the rubric's phrases as written: where one occurs in the answer it counts as a
     *                      single rubric term, so the "to" of "time to live" is not taken for grammar
     * @param rubricTerms   the rubric's phrase terms, as {@link RubricMatcher#terms} analyses them
     */
    public Signals inspect(String answer, List<String> rubricPhrases, Set<String> rubricTerms) {
        int words = 0;
        int functionWords = 0;
        int rubricWords = 0;
        int listWords = 0;
        int sentences = 0;
        String masked = answer == null ? "" : answer;
        for (Pattern phrase : phrasePatterns.get(rubricPhrases, KeywordListDetector::literalPatterns)) {
            masked = phrase.matcher(masked).replaceAll(RUBRIC_TERM);
        }
        for (String sentence : SENTENCE_END.split(masked)) {
            int sentenceWords = 0;
            int sentenceFunctionWords = 0;
            Matcher m = WORD.matcher(sentence);
            while (m.find()) {
                String word = m.group().toLowerCase(Locale.ROOT).replace('’', '\'');
                sentenceWords++;
                if (word.equals(RUBRIC_TERM)) {
                    rubricWords++;
                } else if (FUNCTION_WORDS.contains(word)) {
                    sentenceFunctionWords++;
                } else if (stems.get(word, w -> Set.copyOf(stemmer.terms(w))).stream().anyMatch(rubricTerms::contains)) {
                    rubricWords++;
                }
            }
            if (sentenceWords > 0) {
                sentences++;
            }
            words += sentenceWords;
            functionWords += sentenceFunctionWords;
            if (sentenceWords >= LIST_SENTENCE_MIN_WORDS
                    && sentenceFunctionWords < LIST_SENTENCE_MAX_FUNCTION_SHARE * sentenceWords) {
                listWords += sentenceWords;
            }
        }
        if (words == 0) {
            return new Signals(0, 0, 0, 0, false);
        }
        boolean structured = sentences > 1 || LABEL.matcher(answer).find();
        return new Signals(words, (double) functionWords / words, (double) listWords / words,
                (double) rubricWords / words, structured);
    }

    /** Multi-word phrases, longest first, matched case-insensitively with spaces or hyphens between words. */
    private static List<Pattern> literalPatterns(List<String> phrases) {
        return phrases.stream()
                .map(p -> p.strip().toLowerCase(Locale.ROOT))
                .filter(p -> p.contains(" ") || p.contains("-"))
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(p -> Pattern.compile("(?<![\\p{L}\\p{N}])" + String.join("[\\s-]+",
                        Arrays.stream(p.split("[\\s-]+")).map(Pattern::quote).toList()) + "(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                .toList();
    }
}
