package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.AnswerSegmenter.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * What a sentence of mixed polarity states positively. A sentence with a negated clause and a positive one ("Whatever
 * arrives from outside I treat as hostile: I check it against the shape I expect, I never glue user text into a
 * database statement, and …") is negated as a whole, so it is compared only with negated references; its positive
 * clauses are compared on their own, but a point made across them (a paraphrase spreads one point over several short
 * clauses) is lost. Its positive part is the sentence with its negated clauses cut out, read as one more positive unit.
 *
 * <p>Why a unit of its own, rather than comparing the sentence (whole, or as its positive part) positively wherever
 * its clause nearest a key point is positive: that let answers that copy the question back earn on the probe set
 * ("… and you stop it from serving stale data by not letting it serve stale data"), with or without the denial's
 * words; a unit of its own is measured on what it reads, its echo of the prompt included (docs/grading.md, sessions 15
 * and 16). The negated sentence itself stays a negated unit, so the answer's denials are still found. Stateless and
 * thread-safe.
 */
final class PositiveParts {

    /**
     * @param sentence the mixed sentence, quoted as the evidence: the part lies where the sentence does, so no clause of
     *                 that sentence supports it as a point made elsewhere would
     * @param text     what is read: the sentence without its negated clauses
     */
    record Part(Span sentence, String text) {
    }

    private PositiveParts() {
    }

    /** The positive parts of the mixed sentences among {@code units}, unless one reads as an existing unit does. */
    static List<Part> of(List<Span> units, boolean[] negated) {
        List<Part> parts = new ArrayList<>();
        List<List<Integer>> clauses = clausesOf(units);
        for (int u = 0; u < units.size(); u++) {
            List<Integer> mine = clauses.get(u);
            List<Integer> positive = mine.stream().filter(c -> !negated[c]).toList();
            if (!negated[u] || positive.isEmpty() || positive.size() == mine.size()) {
                continue;
            }
            String text = withoutNegatedClauses(units.get(u), mine.stream().filter(c -> negated[c]).map(units::get).toList());
            if (!text.isEmpty() && units.stream().noneMatch(other -> other.text().equals(text))) {
                parts.add(new Part(units.get(u), text));
            }
        }
        return parts;
    }

    /** [unit] the indexes of the units (clauses) that lie inside it; empty for a clause or a one-clause sentence. */
    private static List<List<Integer>> clausesOf(List<Span> units) {
        List<List<Integer>> inside = new ArrayList<>(units.size());
        for (Span outer : units) {
            List<Integer> mine = new ArrayList<>();
            for (int c = 0; c < units.size(); c++) {
                Span inner = units.get(c);
                if (outer.encloses(inner)
                        && inner.end() - inner.start() < outer.end() - outer.start()) {
                    mine.add(c);
                }
            }
            inside.add(mine);
        }
        return inside;
    }

    /** The sentence's text with the given clauses (in order, inside it) cut out, and the punctuation left dangling. */
    private static String withoutNegatedClauses(Span sentence, List<Span> negatedClauses) {
        StringBuilder kept = new StringBuilder();
        int at = sentence.start();
        for (Span clause : negatedClauses) {
            kept.append(sentence.text(), at - sentence.start(), clause.start() - sentence.start()).append(' ');
            at = clause.end();
        }
        kept.append(sentence.text().substring(at - sentence.start()));
        return kept.toString()
                .replaceAll("\\s*[,;:]\\s*(?=[,;:.!?]|$)", "")
                .replaceAll("^[\\s,;:]+", "")
                .replaceAll("\\s+(?=[,;:.!?])", "")
                .replaceAll("\\s+", " ")
                .trim();
    }
}
