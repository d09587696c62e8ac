package io.hirepipe.scoring.grading;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whether an answer is written in another language than English, the only one the grader reads: its sentence model
 * and its stemmer are English, so such an answer scores near 0 whatever it says, and only a person can grade it.
 *
 * <p>Judged on the words every text of a language is full of. An answer reads as another language when most of its
 * letters are of another script than Latin, or when its function words are mostly those of German, French, Spanish,
 * Italian, Portuguese or Dutch (Lucene's stop-word lists, without the words English has too) rather than English ones:
 * at least {@value #MIN_FOREIGN_WORDS} of them, twice the English ones and {@value #MIN_FOREIGN_SHARE} of all its words.
 * A keyword list has few function words of any language and is not taken for one; neither is an English answer that
 * quotes a phrase in another language, nor technical terms ("Sharding", "Server") in a foreign sentence, which
 * count for neither side. Thread-safe.
 */
final class ForeignLanguageDetector {

    static final int MIN_FOREIGN_WORDS = 3;
    static final double MIN_FOREIGN_SHARE = 0.15;
    private static final int MIN_LETTERS = 12;
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’]*");

    private final CharArraySet english = new CharArraySet(KeywordListDetector.FUNCTION_WORDS, true);
    private final CharArraySet foreign = foreignFunctionWords(english);

    /** True if {@code answer} is written in another language than English (see the class comment). */
    boolean readsAsAnotherLanguage(String answer) {
        if (answer == null) {
            return false;
        }
        return mostlyAnotherScript(answer) || mostlyForeignFunctionWords(answer);
    }

    private static boolean mostlyAnotherScript(String answer) {
        int latin = 0;
        int other = 0;
        for (int i = 0; i < answer.length(); ) {
            int c = answer.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetter(c)) {
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                    latin++;
                } else {
                    other++;
                }
            }
        }
        return latin + other >= MIN_LETTERS && other > latin;
    }

    private boolean mostlyForeignFunctionWords(String answer) {
        int words = 0;
        int englishWords = 0;
        int foreignWords = 0;
        Matcher word = WORD.matcher(answer.toLowerCase(Locale.ROOT));
        while (word.find()) {
            String text = word.group();
            words++;
            if (english.contains(text)) {
                englishWords++;
            } else if (foreign.contains(text)) {
                foreignWords++;
            }
        }
        return foreignWords >= MIN_FOREIGN_WORDS && foreignWords >= 2 * englishWords
                && foreignWords >= MIN_FOREIGN_SHARE * words;
    }

    private static CharArraySet foreignFunctionWords(CharArraySet english) {
        CharArraySet foreign = new CharArraySet(1_500, true);
        Stream.of(GermanAnalyzer.getDefaultStopSet(), FrenchAnalyzer.getDefaultStopSet(),
                        SpanishAnalyzer.getDefaultStopSet(), ItalianAnalyzer.getDefaultStopSet(),
                        PortugueseAnalyzer.getDefaultStopSet(), DutchAnalyzer.getDefaultStopSet())
                .flatMap(set -> set.stream().map(word -> new String((char[]) word)))
                // shared with English ("in", "a", "was", "so", "also"): counted for neither language
                .filter(w -> !english.contains(w))
                .forEach(foreign::add);
        return foreign;
    }
}
