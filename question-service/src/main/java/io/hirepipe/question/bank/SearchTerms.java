package io.hirepipe.question.bank;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The normalised words of a question's title, prompt and tags (or a test's title and description), stored
 * with it and indexed, so that text search is an exact match on an array ({@code $all}) instead of a regex:
 * the embedded MongoDB has no {@code $text}, and an unanchored regex cannot use an index. Case and accents
 * are folded, English stop words dropped and words reduced to their Porter stem (Lucene's analysis chain),
 * for stored text and query text alike, so "index" finds "indexes" and "indexing", "caching" finds "cache".
 *
 * <p>Changing the analysis changes the stored terms: bump {@link #VERSION}, and the stores recompute the
 * terms of every document stored under an older version when they start.
 */
public final class SearchTerms {

    /** The version of the analysis below; stored with each document's terms. 1 was whole words, unstemmed. */
    public static final int VERSION = 2;
    /** A question stores at most this many distinct terms; its text is at most 5200 characters. */
    static final int MAX_STORED = 600;
    /** A query needs every one of its terms, so more than a few add nothing but cost. */
    public static final int MAX_QUERY_TERMS = 10;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final int MAX_TERM_LENGTH = 40;

    /** Lucene's EnglishAnalyzer chain, without its keyword set; analyzers are thread-safe. */
    private static final Analyzer ENGLISH = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer words = new StandardTokenizer();
            TokenStream terms = new EnglishPossessiveFilter(words);
            terms = new LowerCaseFilter(terms);
            terms = new StopFilter(terms, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            terms = new PorterStemFilter(terms);
            return new TokenStreamComponents(words, terms);
        }
    };

    private SearchTerms() {
    }

    /** The distinct terms of the texts, sorted. */
    public static List<String> of(String... texts) {
        TreeSet<String> terms = new TreeSet<>();
        for (String text : texts) {
            if (text != null) {
                terms.addAll(analyse(text));
            }
        }
        return terms.stream().limit(MAX_STORED).toList();
    }

    /** The terms a query asks for, analysed like stored terms; empty when it has none. */
    public static List<String> ofQuery(String query) {
        return query == null ? List.of() : analyse(query).stream().distinct().toList();
    }

    /**
     * Whether nothing of the text is left after analysis: only English stop words ("the", "it is", "not"). Free-text
     * grading analyses a rubric's phrases the same way, so such a phrase can never match an answer.
     */
    public static boolean onlyStopWords(String text) {
        return tokens(text).isEmpty();
    }

    private static List<String> analyse(String text) {
        return tokens(text).stream().filter(SearchTerms::kept).toList();
    }

    /** Every token Lucene's chain leaves, after accents are folded ("Répliques" and "repliques" are one word). */
    private static List<String> tokens(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = ENGLISH.tokenStream("text", folded)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing an in-memory string cannot fail", e);
        }
        return tokens;
    }

    /** Single letters say nothing (single digits may: "3 replicas"); very long tokens are not words. */
    private static boolean kept(String term) {
        int length = term.length();
        return length <= MAX_TERM_LENGTH && (length >= 2 || (length == 1 && Character.isDigit(term.charAt(0))));
    }
}
