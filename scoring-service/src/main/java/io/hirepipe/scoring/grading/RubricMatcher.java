package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.answerkey.RubricKeyPoint;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which rubric key points a free-text answer meets. Answer and phrases go through Lucene's
 * {@link EnglishAnalyzer} (lowercasing, possessive and stop-word removal, Porter stemming); a key
 * point is met when, for any one of its phrases, every analysed term of the phrase occurs among the
 * answer's analysed terms, in any order and at any distance.
 *
 * <p>What this deliberately is and is not, so rubric authors can write phrases that work:
 * <ul>
 *   <li>plural and verb forms share a stem ("replicas" = "replica", "shards"/"sharding" = "shard",
 *       "indexes"/"indexing" = "index") but derived nouns often do not: Porter stems "replication"
 *       to "replic", which does not match "replica", and "indices" to "indic", which does not match
 *       "index". Give such words as separate phrases.</li>
 *   <li>it is a bag of words: "not replicated" meets "replicated", and words may be far apart.</li>
 *   <li>a phrase made only of stop words ("the", "it is") has no terms and never matches.</li>
 *   <li>the names of secure protocols keep their final "s": Porter would stem "HTTPS" to "http", so a
 *       rubric phrase "https" would be met by an answer that only says "HTTP".</li>
 *   <li>the prefix "non" stays on its word, hyphened, spaced or closed up ("non-blocking", "non blocking" and
 *       "nonblocking" are one term): "non-blocking" says the opposite of "blocking", and "non-repeatable reads" name an
 *       anomaly, not the level "repeatable read".</li>
 *   <li>on a line of code ({@link #termsOfCode}) an identifier is its words as well as itself: "idempotency_key",
 *       "READ_COMMITTED", "lastWriteAt" and "spring.cache.type" add the terms of "idempotency key", "read committed",
 *       "last write at" and "spring cache type".</li>
 * </ul>
 * The semantic grader also reads a key point's phrase through the thesaurus ({@link KeyPointThesaurus}): "each
 * entry gets a lifetime" meets "ttl" there ({@link #equivalentTerms}, {@link #equivalents}); {@link #match} and
 * {@link #terms} do not use it.
 * The analyzer is thread-safe (it reuses token streams per thread), so one instance serves all listeners.
 */
@Component
public class RubricMatcher implements AutoCloseable {

    /** Names whose final "s" means "secure", not a plural: not stemmed (see the class comment). */
    static final CharArraySet NOT_PLURALS = CharArraySet.unmodifiableSet(
            new CharArraySet(List.of("https", "wss", "ftps", "smtps", "ldaps"), true));

    private final Analyzer analyzer = new EnglishAnalyzer(EnglishAnalyzer.getDefaultStopSet(), NOT_PLURALS);

    private final KeyPointThesaurus thesaurus;

    public RubricMatcher() {
        this(KeyPointThesaurus.bundled(NOT_PLURALS));
    }

    RubricMatcher(KeyPointThesaurus thesaurus) {
        this.thesaurus = thesaurus;
    }

    /** "non-" or "non " before a word: closed up before analysis, so the word keeps its prefix (see the class comment). */
    private static final Pattern NON_PREFIX = Pattern.compile("\\b(non)[-\\s](?=\\p{L})", Pattern.CASE_INSENSITIVE);

    public RubricMatch match(String answer, List<RubricKeyPoint> keyPoints) {
        Set<String> answerTerms = terms(answer);
        List<RubricKeyPoint> met = new ArrayList<>();
        if (!answerTerms.isEmpty()) {
            for (RubricKeyPoint keyPoint : keyPoints) {
                if (isMet(keyPoint, answerTerms)) {
                    met.add(keyPoint);
                }
            }
        }
        return new RubricMatch(met);
    }

    private boolean isMet(RubricKeyPoint keyPoint, Set<String> answerTerms) {
        for (String phrase : keyPoint.phrases()) {
            Set<String> phraseTerms = terms(phrase);
            if (!phraseTerms.isEmpty() && answerTerms.containsAll(phraseTerms)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether every one of {@code wanted} has a term of {@code terms} of the same root: equal, or both of one stem of
     * at least {@value #MIN_SHARED_ROOT} letters that each extends by at most {@value #MAX_DERIVED_ENDING} letters.
     * Porter strips inflections only, so derived forms of one word keep different stems ("shorter" and "shorten",
     * "replica" and "replic"ation); their difference is a short ending on a shared root. Used for misconception
     * phrases, which name a claim in the rubric author's wording while a candidate states it in any form of its words.
     */
    static boolean containsAllOfOneRoot(Set<String> terms, Set<String> wanted) {
        if (terms.containsAll(wanted)) {
            return true;
        }
        for (String w : wanted) {
            if (!terms.contains(w) && terms.stream().noneMatch(t -> sameRoot(t, w))) {
                return false;
            }
        }
        return true;
    }

    static final int MIN_SHARED_ROOT = 5;
    static final int MAX_DERIVED_ENDING = 2;

    static boolean sameRoot(String a, String b) {
        int shared = 0;
        int limit = Math.min(a.length(), b.length());
        while (shared < limit && a.charAt(shared) == b.charAt(shared)) {
            shared++;
        }
        return shared >= MIN_SHARED_ROOT && a.length() - shared <= MAX_DERIVED_ENDING
                && b.length() - shared <= MAX_DERIVED_ENDING;
    }

    /**
     * A phrase's terms with each thesaurus entry in it read as its line: "time to live" is the TTL line's marks, "read
     * replicas" the word "read" and the replica line's marks. What an answer's terms and {@link #equivalents} must hold
     * for the phrase to be stated in other words.
     */
    public Set<String> equivalentTerms(String phrase) {
        String text = closedUp(phrase);
        Set<String> terms = terms(text);
        List<KeyPointThesaurus.Entry> entries = text == null ? List.of() : thesaurus.entries(text);
        for (KeyPointThesaurus.Entry entry : entries) {
            terms.removeAll(terms(text.substring(entry.start(), entry.end())));
        }
        entries.forEach(entry -> terms.addAll(entry.marks()));
        return terms;
    }

    /**
     * The marks of the thesaurus lines whose entries {@code text} says with words that are all among {@code kept}: the
     * unit's terms once what it takes back or names only as a contrast is left out, so an entry in that part lends
     * nothing.
     */
    public Set<String> equivalents(String text, Set<String> kept) {
        Set<String> marks = new LinkedHashSet<>();
        if (text == null || text.isBlank() || kept.isEmpty()) {
            return marks;
        }
        String closed = closedUp(text);
        for (KeyPointThesaurus.Entry entry : thesaurus.entries(closed)) {
            if (kept.containsAll(terms(closed.substring(entry.start(), entry.end())))) {
                marks.addAll(entry.marks());
            }
        }
        return marks;
    }

    private static String closedUp(String text) {
        return text == null ? null : NON_PREFIX.matcher(text).replaceAll("$1");
    }

    /** The analysed terms of {@code text}, in order of first occurrence; empty for null or blank text. */
    public Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return terms;
        }
        return analysedInto(terms, analyzer, closedUp(text));
    }

    /**
     * The analysed terms of a line of code or configuration ({@link CodeLines}): its {@link #terms} and the words of its
     * identifiers, so a key point's phrase is met in a pasted snippet as in prose. Not for prose, where a candidate
     * writes the words and an identifier ("a composite index on customer_id") only names a column.
     */
    public Set<String> termsOfCode(String text) {
        Set<String> terms = terms(text);
        if (text != null) {
            for (Matcher identifier = IDENTIFIER.matcher(text); identifier.find(); ) {
                analysedInto(terms, analyzer, closedUp(words(identifier.group())));
            }
        }
        return terms;
    }

    /**
     * An identifier of code or configuration: snake_case, dotted or camelCase ("idempotency_key", "READ_COMMITTED",
     * "spring.cache.type", "lastWriteAt", "HorizontalPodAutoscaler"), each part of two characters or more ("e.g" is
     * none). The tokenizer keeps it one term.
     */
    private static final Pattern IDENTIFIER = Pattern.compile(
            "(?<![\\p{L}\\p{N}_.])(?:[A-Za-z][A-Za-z0-9]+(?:[_.][A-Za-z][A-Za-z0-9]+)+"
                    + "|[a-z][a-z0-9]*(?:[A-Z][a-z0-9]+)+|[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+)(?![\\p{L}\\p{N}_])");
    private static final Pattern CAMEL_HUMP = Pattern.compile("(?<=[a-z0-9])(?=[A-Z][a-z])");

    /** The identifier's words: "lastWriteAt" is "last Write At", "idempotency_key" "idempotency key". */
    private static String words(String identifier) {
        return CAMEL_HUMP.matcher(identifier.replace('_', ' ').replace('.', ' ')).replaceAll(" ");
    }

    /** Adds the terms {@code analysis} makes of {@code text} to {@code terms}, in order, and returns it. */
    static <C extends Collection<String>> C analysedInto(C terms, Analyzer analysis, String text) {
        try (TokenStream stream = analysis.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            // reading from a String cannot fail; keep the signature honest anyway
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    @Override
    public void close() {
        analyzer.close();
        thesaurus.close();
    }

    /** The key points an answer met, in rubric order. */
    public record RubricMatch(List<RubricKeyPoint> metKeyPoints) {

        public RubricMatch {
            metKeyPoints = List.copyOf(metKeyPoints);
        }

        public int points() {
            return metKeyPoints.stream().mapToInt(RubricKeyPoint::points).sum();
        }

        public List<String> keyPointIds() {
            return metKeyPoints.stream().map(RubricKeyPoint::id).toList();
        }
    }
}
