package io.hirepipe.scoring.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of an answer that are code, SQL or configuration, and the comments on them. Candidates paste snippets
 * ("CREATE INDEX idx ON orders (customer_id);", "hot_standby = on   # the standby answers reads"), and a comment on
 * such a line is the candidate's own prose, while the code beside it is no sentence the model reads well. A line is
 * code inside a Markdown code fence (the fence lines too), or when its shape says so outside one: it ends as a block
 * does ("{", "}"), or with ";" and a call, an assignment or SQL in it (a list item may end with ";" too), ends in a
 * bracket and holds a call ("fetch(url))"), assigns a single value to a key that is an identifier ("wal_level =
 * replica", "spring.cache.type=redis"), starts as a definition with a call or assignment in it ("async def main():",
 * "@Transactional(…)") or as an upper-case SQL statement with a clause or operator after it. A line that only holds a
 * comment ("# retry three times", "-- lowest id first") is code next to a code line or inside a fence; alone among
 * prose it is what it looks like (a "#" line is a Markdown heading there). Prose keeps its sentence punctuation and
 * spaced words, so none of these shapes fits it: no line of the dev set's or the probe sets' other answers is code.
 * Stateless and thread-safe.
 */
final class CodeLines {

    private static final String FENCE = "```";

    /** A comment marker after white space or at the line's start, then a space: "//", "#", "--". */
    private static final Pattern COMMENT = Pattern.compile("(?:^|(?<=\\s))(?://|#|--)\\s+(?=\\S)");

    private static final Pattern ENDS_AS_BLOCK = Pattern.compile(".*[{}]");
    private static final Pattern ENDS_AS_STATEMENT = Pattern.compile(".*;");
    private static final Pattern ENDS_IN_BRACKET = Pattern.compile(".*[()\\[\\],]");
    /** A call or an index: a bracket right after a word ("fetch(url)", "members: [ {"), or an assignment. */
    private static final Pattern CODE_TOKEN = Pattern.compile("[\\w.$]\\(|\\w\\[|[^=!<>]=[^=]|\\{|=>");
    /** An identifier key given one value: "wal_level = replica", "spring.cache.type=redis", "minReplicas: 3". */
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?:[a-z][\\w.\\-]*|[A-Za-z]\\w*[_.]\\w[\\w.\\-]*)\\s*[:=]\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s\"']+)");
    private static final Pattern DEFINITION = Pattern.compile(
            "(?:async\\s+def|def|class|import|from\\s+\\S+\\s+import|return|const|let|var|function|public|private"
                    + "|protected|static|final|try|catch|finally|for|while|if|else|elif|except|await|local)\\b.*"
                    + "|@\\w+.*|[\\w.]+\\s*\\(.*\\)\\s*:?");
    private static final Pattern SQL = Pattern.compile(
            "(?:SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|BEGIN|COMMIT|ROLLBACK|SET|EXPLAIN|WITH|CONSISTENCY)\\b"
                    + "(?:.*[=*(;]|.*\\b(?:FROM|WHERE|INTO|VALUES|TABLE|INDEX|ON|SET|LEVEL|TRANSACTION)\\b|\\s*\\w*;?)");
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?]");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    /** A comment of one word ("# hit", "// service") names; it is left on its line. */
    static final int MIN_COMMENT_WORDS = 2;

    /**
     * A line of code.
     *
     * @param start        offset of the line's first character in the answer
     * @param end          offset after its last character (before the line break)
     * @param commentStart offset of the comment's text (after its marker), or -1 when the line has none
     * @param markerStart  offset of the comment's marker, or -1
     */
    record Line(int start, int end, int commentStart, int markerStart) {

        boolean hasComment() {
            return commentStart >= 0;
        }

        boolean contains(int offset) {
            return offset >= start && offset < Math.max(end, start + 1);
        }
    }

    private CodeLines() {
    }

    /** The answer's code lines, in order. */
    static List<Line> of(String answer) {
        List<Line> code = new ArrayList<>();
        if (answer == null || answer.isEmpty()) {
            return code;
        }
        List<int[]> lines = new ArrayList<>();
        for (int start = 0; start <= answer.length(); ) {
            int end = answer.indexOf('\n', start);
            end = end < 0 ? answer.length() : end;
            lines.add(new int[] {start, end});
            start = end + 1;
        }
        // per line: 0 prose or blank, 1 code, 2 a comment alone (code if next to code or in a fence)
        int[] kind = new int[lines.size()];
        boolean inFence = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = answer.substring(lines.get(i)[0], lines.get(i)[1]).strip();
            if (line.startsWith(FENCE)) {
                kind[i] = 1;
                inFence = !inFence;
            } else if (inFence) {
                kind[i] = line.isEmpty() ? 0 : 1;
            } else if (commentAlone(line)) {
                kind[i] = 2;
            } else if (!line.isEmpty() && codeShaped(withoutComment(line))) {
                kind[i] = 1;
            }
        }
        for (int i = 0; i < kind.length; i++) {
            if (kind[i] == 2) {
                kind[i] = nextToCode(kind, i) ? 1 : 0;
            }
        }
        for (int i = 0; i < kind.length; i++) {
            if (kind[i] == 1) {
                int start = lines.get(i)[0];
                int end = lines.get(i)[1];
                Matcher comment = COMMENT.matcher(answer).region(start, end);
                boolean fenceLine = answer.substring(start, end).strip().startsWith(FENCE);
                if (!fenceLine && comment.find() && words(answer.substring(comment.end(), end)) >= MIN_COMMENT_WORDS) {
                    code.add(new Line(start, end, comment.end(), comment.start()));
                } else {
                    code.add(new Line(start, end, -1, -1));
                }
            }
        }
        return code;
    }

    /** The code line holding {@code offset}, if any. */
    static Line at(List<Line> code, int offset) {
        for (Line line : code) {
            if (line.contains(offset)) {
                return line;
            }
        }
        return null;
    }

    private static int words(String text) {
        int words = 0;
        for (Matcher m = WORD.matcher(text); m.find(); ) {
            words++;
        }
        return words;
    }

    /** Whether the unit is code: it lies on a code line and is not the comment on it. */
    static boolean isCode(List<Line> code, AnswerSegmenter.Span unit) {
        Line line = at(code, unit.start());
        return line != null && !(line.hasComment() && unit.start() >= line.commentStart());
    }

    private static boolean nextToCode(int[] kind, int i) {
        for (int step : new int[] {-1, 1}) {
            for (int j = i + step; j >= 0 && j < kind.length; j += step) {
                if (kind[j] == 1) {
                    return true;
                }
                if (kind[j] == 0) {
                    break;
                }
            }
        }
        return false;
    }

    private static boolean commentAlone(String line) {
        Matcher m = COMMENT.matcher(line);
        return m.find() && m.start() == 0;
    }

    private static String withoutComment(String line) {
        Matcher m = COMMENT.matcher(line);
        return m.find() ? line.substring(0, m.start()).strip() : line;
    }

    private static boolean codeShaped(String line) {
        if (line.isEmpty()) {
            return false;
        }
        if (ENDS_AS_BLOCK.matcher(line).matches()) {
            return true;
        }
        // a list item may end with ";" too: a statement also calls, assigns, or is SQL or one token
        if (ENDS_AS_STATEMENT.matcher(line).matches()
                && (CODE_TOKEN.matcher(line).find() || SQL.matcher(line).matches() || !line.contains(" "))) {
            return true;
        }
        if (ENDS_IN_BRACKET.matcher(line).matches() && CODE_TOKEN.matcher(line).find()) {
            return true;
        }
        if (KEY_VALUE.matcher(line).matches()) {
            return true;
        }
        if (SENTENCE_END.matcher(line).matches()) {
            return false;
        }
        return DEFINITION.matcher(line).matches() && CODE_TOKEN.matcher(line).find() || SQL.matcher(line).matches();
    }
}
