package io.hirepipe.question.bank;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The normalised words of a question's title, prompt and tags, stored with it and indexed, so that
 * text search is an exact match on an array ({@code $all}) instead of a regex: the embedded MongoDB
 * has no {@code $text}, and an unanchored regex cannot use an index. Case and accents are folded;
 * words are whole (no stemming), so "index" does not find "indexes".
 */
public final class SearchTerms {

    /** A question stores at most this many distinct terms; its text is at most 5200 characters. */
    static final int MAX_STORED = 600;
    /** A query needs every one of its terms, so more than a few add nothing but cost. */
    public static final int MAX_QUERY_TERMS = 10;

    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SearchTerms() {
    }

    /** The distinct terms of the texts, sorted. */
    public static List<String> of(String... texts) {
        TreeSet<String> terms = new TreeSet<>();
        for (String text : texts) {
            if (text != null) {
                terms.addAll(split(text));
            }
        }
        return terms.stream().limit(MAX_STORED).toList();
    }

    /** The terms a query asks for, normalised like stored terms; empty when it has none. */
    public static List<String> ofQuery(String query) {
        return query == null ? List.of() : split(query).stream().distinct().toList();
    }

    private static List<String> split(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(SEPARATORS.split(folded))
                .filter(term -> term.length() >= 2 || (term.length() == 1 && Character.isDigit(term.charAt(0))))
                .filter(term -> term.length() <= 40)
                .toList();
    }
}
