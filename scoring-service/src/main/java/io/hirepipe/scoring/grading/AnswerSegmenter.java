package io.hirepipe.scoring.grading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts an answer into the units a grader compares with key points: its sentences and, inside each
 * sentence, its clauses. Both levels are kept because a key point may need a whole sentence ("the
 * thread starts the call and carries on with other work") while a sentence often packs several key
 * points that only separate at clause level ("reads go to replicas, and a replica takes over if the
 * primary fails"). Spans are verbatim slices of the answer, so evidence quotes what the candidate wrote.
 *
 * <p>Clause boundaries are punctuation (";", ":", " - ", "->", "=>" and the arrows "→", "⇒", parentheses, commas) and
 * the conjunctions that join independent statements (and, but, whereas, while, so, because or "b/c", which).
 * Stateless and thread-safe.
 */
public final class AnswerSegmenter {

    /**
     * A sentence ends at . ! ? followed by white space, or at a line break or a bullet; not at the
     * abbreviations that introduce what follows, in either case ("e.g. a bank", "E.g. a bank", "i.e. the key",
     * "vs. NoSQL", "incl. bursts"), nor at an "etc." the sentence goes on after ("evict the key etc. so the next
     * read reloads it"; one before a capital may end it).
     */
    private static final Pattern SENTENCE_END = Pattern.compile(
            "(?<=[.!?])(?<!\\b(?i:e\\.g|i\\.e|cf|vs|approx|incl|esp|viz)\\.)(?:(?<!\\b(?i:etc)\\.)|(?!\\s+\\p{Ll}))\\s+"
                    + "|\\s*\\n+\\s*(?:[-*•]\\s+|\\d+[.)]\\s+)?");

    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            "\\s*(?:;|:(?!//)|\\s-+\\s|->|=>|[→⇒]|\\(|\\)|,)\\s*"
                    + "|\\s+(?=(?:and|but|whereas|while|so|because|b/c|which|then|otherwise|instead)\\s)",
            Pattern.CASE_INSENSITIVE);

    /** A line of one plain word: no sentence of its own when the next line goes on with the sentence. */
    private static final Pattern ONE_WORD = Pattern.compile("[\\p{L}\\p{N}'’-]+");

    /** What opens a list item on a new line: a bullet or a number. */
    private static final Pattern LIST_ITEM = Pattern.compile("\\n\\s*(?:[-*•]|\\d+[.)])\\s");

    private static final Pattern LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");

    /** A label: up to five words, no sentence punctuation ("Partition tolerance", "Across instances", "429"). */
    private static final String LABEL = "[\\p{L}\\p{N}][\\p{L}\\p{N}'’&/+-]*(?:\\s+[\\p{L}\\p{N}'’&/+-]+){0,4}";

    /**
     * A line that only labels what follows: a Markdown heading ("## Consistency"), a bold label ("**Consistency:**",
     * "__Pros__") or a label and a colon ("Partition tolerance:"), after any list bullet.
     */
    private static final Pattern HEADING_LINE = Pattern.compile(
            "(?:[-*•]\\s+)?(?:#{1,6}\\s+" + LABEL + "(?:\\s+#+)?|(\\*\\*|__)" + LABEL + "\\s*:?\\s*\\1\\s*:?|" + LABEL + "\\s*:)");

    private static final String CODE_FENCE = "```";

    private static final int MIN_CLAUSE_WORDS = 3;

    /** A short denial of what it names: "not OFFSET", "never immediately" after a statement. */
    private static final Pattern SHORT_DENIAL = Pattern.compile("(?i:not|never)\\s+\\S.*", Pattern.DOTALL);

    /**
     * @param start offset of the first character in the answer
     * @param end   offset after the last character
     */
    public record Span(String text, int start, int end) {

        /** Whether {@code other} lies within this span: a clause within its sentence, or the span itself. */
        public boolean encloses(Span other) {
            return start <= other.start && other.end <= end;
        }
    }

    /** The sentences and clauses of {@code answer}, each once, in order of appearance. */
    public List<Span> units(String answer) {
        return units(answer, CodeLines.of(answer));
    }

    /** The same, for a caller that has already found the answer's lines of code ({@link CodeLines#of}). */
    List<Span> units(String answer, List<CodeLines.Line> code) {
        if (answer == null || answer.isBlank()) {
            return List.of();
        }
        Map<String, Span> units = new LinkedHashMap<>();
        List<Span> sentences = underHeadings(answer, runOnLines(answer, split(answer, 0, answer.length(), SENTENCE_END)), code);
        for (Span sentence : withCommentsApart(answer, sentences, code)) {
            units.putIfAbsent(key(sentence), sentence);
            List<Span> clauses = mergeShort(answer, split(answer, sentence.start(), sentence.end(), CLAUSE_BREAK));
            if (clauses.size() > 1) {
                clauses.forEach(c -> units.putIfAbsent(key(c), c));
            }
        }
        return List.copyOf(units.values());
    }

    /**
     * A comment on a line of code ({@link CodeLines}: "redis.delete(key)  # drop the cached copy so the next read loads
     * the new one", "-- lowest id first") is the candidate's prose: a sentence of its own, without its marker, and the
     * code before it another. Read together, the code's identifiers and punctuation pull the comment's vector away from
     * what it says.
     */
    private static List<Span> withCommentsApart(String answer, List<Span> sentences, List<CodeLines.Line> code) {
        if (code.isEmpty()) {
            return sentences;
        }
        List<Span> apart = new ArrayList<>();
        for (Span sentence : sentences) {
            // the line the sentence ends on: a one-word line ("http") runs on into the line under it
            CodeLines.Line line = CodeLines.at(code, sentence.end() - 1);
            if (line == null || !line.hasComment() || sentence.start() >= line.commentStart()
                    || sentence.end() <= line.commentStart()) {
                apart.add(sentence);
                continue;
            }
            addTrimmed(answer, sentence.start(), line.markerStart(), apart);
            addTrimmed(answer, line.commentStart(), sentence.end(), apart);
        }
        return apart;
    }

    private static String key(Span span) {
        return span.start() + ":" + span.end();
    }

    private static List<Span> split(String text, int from, int to, Pattern boundary) {
        List<Span> spans = new ArrayList<>();
        Matcher m = boundary.matcher(text).region(from, to);
        int start = from;
        while (m.find()) {
            addTrimmed(text, start, m.start(), spans);
            start = m.end();
        }
        addTrimmed(text, start, to, spans);
        return spans;
    }

    private static void addTrimmed(String text, int start, int end, List<Span> out) {
        while (start < end && (Character.isWhitespace(text.charAt(start)) || "-*•".indexOf(text.charAt(start)) >= 0)) {
            start++;
        }
        while (end > start && (Character.isWhitespace(text.charAt(end - 1)) || ",;".indexOf(text.charAt(end - 1)) >= 0)) {
            end--;
        }
        if (end > start && LETTER_OR_DIGIT.matcher(text.substring(start, end)).find()) {
            out.add(new Span(text.substring(start, end), start, end));
        }
    }

    /**
     * A line of one plain word goes on into the next line, unless that line is a list item: an answer typed or pasted
     * a word per line ("On\\na\\nmiss\\n…") is its sentences, not a run of one-word sentences that each mean
     * nothing. A one-word heading over a list ("Pros\\n- …") stays on its own.
     */
    private static List<Span> runOnLines(String answer, List<Span> sentences) {
        List<Span> joined = new ArrayList<>();
        Span pending = null;
        for (Span sentence : sentences) {
            Span current = sentence;
            if (pending != null) {
                boolean listItem = LIST_ITEM.matcher(answer).region(pending.end(), sentence.start()).find();
                if (listItem) {
                    joined.add(pending);
                } else {
                    current = join(answer, pending, sentence);
                }
            }
            pending = null;
            boolean oneWordLine = ONE_WORD.matcher(sentence.text()).matches()
                    && answer.substring(sentence.end(), nextWord(answer, sentence.end())).contains("\n");
            if (oneWordLine) {
                pending = current;
            } else {
                joined.add(current);
            }
        }
        if (pending != null) {
            joined.add(pending);
        }
        return joined;
    }

    /**
     * A heading labels what follows and states nothing: on its own it is no unit, so the key points' and misconceptions'
     * terms it names ("## Consistency", "## Availability", "## Partition tolerance" over one vague line) count for
     * nothing. Over a line of text it is that line's first words, as a label on the same line is ("Consistency: every
     * read sees the latest write"): the line is read with its topic. Over a list item, another heading or nothing it is
     * dropped; a heading inside a code fence, or a "#" line next to code, is a comment ("# retry three times").
     */
    private static List<Span> underHeadings(String answer, List<Span> sentences, List<CodeLines.Line> code) {
        List<Span> read = new ArrayList<>();
        Span heading = null;
        for (Span sentence : sentences) {
            if (isHeading(answer, sentence) && CodeLines.at(code, sentence.start()) == null) {
                heading = sentence;
                continue;
            }
            boolean overText = heading != null && !LIST_ITEM.matcher(answer).region(heading.end(), sentence.start()).find();
            read.add(overText ? join(answer, label(answer, heading), sentence) : sentence);
            heading = null;
        }
        return read;
    }

    /** The heading from its first word: its marks ("##", "**") are no words the model should read. */
    private static Span label(String answer, Span heading) {
        Matcher first = LETTER_OR_DIGIT.matcher(answer).region(heading.start(), heading.end());
        int start = first.find() ? first.start() : heading.start();
        return new Span(answer.substring(start, heading.end()), start, heading.end());
    }

    private static boolean isHeading(String answer, Span sentence) {
        int lineStart = answer.lastIndexOf('\n', sentence.start() - 1) + 1;
        int lineEnd = answer.indexOf('\n', sentence.end());
        String line = answer.substring(lineStart, lineEnd < 0 ? answer.length() : lineEnd);
        return HEADING_LINE.matcher(line.strip()).matches() && !insideCodeFence(answer, lineStart)
                && (lineEnd < 0 || indent(answer, lineEnd + 1) <= indent(answer, lineStart));
    }

    /**
     * How far the line at {@code lineStart} is indented. A label whose next line is indented further is a key of
     * code or configuration ("resilience4j:" over "  retry: …"), whose lines are read as they were written.
     */
    private static int indent(String answer, int lineStart) {
        int at = lineStart;
        while (at < answer.length() && (answer.charAt(at) == ' ' || answer.charAt(at) == '\t')) {
            at++;
        }
        return at - lineStart;
    }

    private static boolean insideCodeFence(String answer, int at) {
        int fences = 0;
        for (int i = answer.indexOf(CODE_FENCE); i >= 0 && i < at; i = answer.indexOf(CODE_FENCE, i + CODE_FENCE.length())) {
            fences++;
        }
        return fences % 2 == 1;
    }

    /** Where the next word after {@code from} starts (past white space and a comma), or the text's end. */
    private static int nextWord(String text, int from) {
        int at = from;
        while (at < text.length() && (Character.isWhitespace(text.charAt(at)) || text.charAt(at) == ',')) {
            at++;
        }
        return at;
    }

    /**
     * A clause of fewer than {@link #MIN_CLAUSE_WORDS} words is no statement of its own ("Sharding",
     * "and", "TTL"): it joins the clause after it, or the one before when it comes last. Not a short denial
     * ("…, not OFFSET", "…, never immediately"): it denies only what it names, and joined to the statement before it
     * would deny that statement too.
     */
    private static List<Span> mergeShort(String answer, List<Span> clauses) {
        List<Span> merged = new ArrayList<>();
        Span pending = null;
        for (Span clause : clauses) {
            Span current = pending == null ? clause : join(answer, pending, clause);
            pending = null;
            boolean shortDenial = current == clause && SHORT_DENIAL.matcher(clause.text()).matches();
            if (wordCount(current) < MIN_CLAUSE_WORDS && !shortDenial) {
                pending = current;
            } else {
                merged.add(current);
            }
        }
        if (pending != null) {
            if (merged.isEmpty()) {
                merged.add(pending);
            } else {
                merged.add(join(answer, merged.remove(merged.size() - 1), pending));
            }
        }
        return merged;
    }

    private static Span join(String answer, Span first, Span second) {
        return new Span(answer.substring(first.start(), second.end()), first.start(), second.end());
    }

    private static int wordCount(Span span) {
        return span.text().split("\\s+").length;
    }

}
