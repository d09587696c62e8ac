package io.hirepipe.scoring.grading;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a text says one of the thesaurus's entries (resource {@value #RESOURCE}: lines of words a candidate uses
 * interchangeably with a key point's phrase, in the Solr synonyms format). Lucene's {@link SynonymGraphFilter} reads
 * the text after the grader's own analysis (lowercased, possessives dropped, Porter-stemmed with the same
 * keywords), so "expires" and "expire" are one entry; the entries are parsed through that same analysis. Stop words
 * are not removed first: an entry such as "copy of the data" must stand so in the text.
 *
 * <p>An entry found is reported as its line's <em>marks</em>: the first entry's analysed terms, each prefixed with
 * {@value #MARK}, which no analysed word of an answer can carry. So a phrase borrows only from a line it holds an entry
 * of: "read replicas" and "the followers serve reads" meet through the replica line, while the word "availability"
 * meets nothing new from the line of "high availability, highly available". Thread-safe.
 */
final class KeyPointThesaurus implements AutoCloseable {

    static final String RESOURCE = "/grading/key-point-synonyms.txt";

    /** Prefixes a line's terms: a term the tokenizer never emits, so a mark never equals a word of the text. */
    static final String MARK = "~";

    /** Punctuation an entry never stands across: it stands in the text as written, within one clause. */
    private static final Pattern BREAK = Pattern.compile("[.,;:!?()\\[\\]\\n]");

    /** An entry found in a text: where it stands (offsets into the text) and the marks of its line. */
    record Entry(int start, int end, Set<String> marks) {
    }

    private final Analyzer analysis;
    private final Analyzer withSynonyms;

    private KeyPointThesaurus(Analyzer analysis, Analyzer withSynonyms) {
        this.analysis = analysis;
        this.withSynonyms = withSynonyms;
    }

    /** The bundled thesaurus, read with {@code keywords} kept from stemming as the grader keeps them. */
    static KeyPointThesaurus bundled(CharArraySet keywords) {
        InputStream in = KeyPointThesaurus.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing resource " + RESOURCE);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return of(reader, keywords);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A thesaurus of the given lines (Solr synonyms format): for tests and for measuring a variant of the file. */
    static KeyPointThesaurus of(Reader lines, CharArraySet keywords) {
        Analyzer analysis = analysis(keywords);
        // equivalences, each entry read as the line's first (expand=false): the first entry names the line
        SolrSynonymParser parser = new SolrSynonymParser(true, false, analysis);
        SynonymMap map;
        try {
            parser.parse(lines);
            map = parser.build();
        } catch (IOException | java.text.ParseException e) {
            throw new IllegalStateException("cannot read the thesaurus", e);
        }
        Analyzer withSynonyms = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                // Lucene's filter refuses a map of no lines; a thesaurus without lines finds nothing
                return new TokenStreamComponents(source, map.fst == null ? stemmed(source, keywords)
                        : new SynonymGraphFilter(stemmed(source, keywords), map, true));
            }
        };
        return new KeyPointThesaurus(analysis, withSynonyms);
    }

    private static Analyzer analysis(CharArraySet keywords) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, stemmed(source, keywords));
            }
        };
    }

    /** The grader's analysis ({@link RubricMatcher}) without its stop words. */
    private static TokenStream stemmed(Tokenizer source, CharArraySet keywords) {
        TokenStream stream = new EnglishPossessiveFilter(source);
        stream = new LowerCaseFilter(stream);
        stream = new SetKeywordMarkerFilter(stream, keywords);
        return new PorterStemFilter(stream);
    }

    /** The entries {@code text} says, in order; where two overlap, the longer one is read (Lucene's rule). */
    List<Entry> entries(String text) {
        Map<Long, Set<String>> marks = new LinkedHashMap<>();
        try (TokenStream stream = withSynonyms.tokenStream("answer", new StringReader(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (SynonymGraphFilter.TYPE_SYNONYM.equals(type.type())) {
                    long at = ((long) offset.startOffset() << 32) | offset.endOffset();
                    marks.computeIfAbsent(at, k -> new LinkedHashSet<>()).add(MARK + term);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Entry> entries = new ArrayList<>();
        marks.forEach((at, m) -> {
            int start = (int) (at >>> 32);
            int end = (int) (long) at;
            // the tokenizer drops punctuation, so "should check; input from" would read as "check input"
            if (!BREAK.matcher(text.substring(start, end)).find()) {
                entries.add(new Entry(start, end, Set.copyOf(m)));
            }
        });
        return entries;
    }

    /** Each entry of each line as analysed, with its line's number: what a check for an entry in two lines reads. */
    static Map<String, List<Integer>> analysedEntries(List<String> lines, CharArraySet keywords) {
        Map<String, List<Integer>> lineOf = new LinkedHashMap<>();
        try (Analyzer analysis = analysis(keywords)) {
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                for (String entry : line.split(",")) {
                    lineOf.computeIfAbsent(String.join(" ", analysed(analysis, entry.strip())), k -> new ArrayList<>())
                            .add(i + 1);
                }
            }
        }
        return lineOf;
    }

    private static List<String> analysed(Analyzer analysis, String text) {
        return RubricMatcher.analysedInto(new ArrayList<>(), analysis, text);
    }

    @Override
    public void close() {
        analysis.close();
        withSynonyms.close();
    }
}
