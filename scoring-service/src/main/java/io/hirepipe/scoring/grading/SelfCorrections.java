package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.AnswerSegmenter.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a candidate takes back while writing: "The cache is always fresh, no wait, actually it can go stale", "Indexes
 * make writes faster. Correction: they make them slower", "… Scratch that." A timed answer box has no undo worth the
 * time, so candidates correct themselves in the text, and a person reading the answer reads the correction, not the
 * slip: what was taken back is neither a claim that costs (a misconception) nor one that earns (a key point).
 *
 * <p>Taken back is the part of the sentence before the marker, or, when the marker opens its sentence, the sentence
 * before. Only markers that say so: "no wait" after a comma or before a punctuation mark ("No wait is needed" is no
 * marker), "scratch that", "strike that", "correction:", "sorry, I meant",
 * "actually, no" before a punctuation mark and "no, actually". Not "I mean", which as often goes on as takes back, nor
 * "wait, no", which lists ("hold and wait, no preemption"). Stateless and thread-safe.
 */
final class SelfCorrections {

    private static final Pattern TAKE_BACK = Pattern.compile(
            ",\\s*no,?\\s+wait\\b|\\b(?:no,?\\s+wait(?=\\s*[,.;:!-])|scratch\\s+that\\b|strike\\s+that\\b|correction\\s*:|sorry,?\\s+i\\s+meant?\\b"
                    + "|actually,?\\s+no(?=\\s*[,.;:!])|no,\\s+actually\\b)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");

    private SelfCorrections() {
    }

    /** The spans of {@code answer} its writer takes back, in order; {@code units} are the answer's sentences and clauses. */
    static List<Span> takenBack(String answer, List<Span> units) {
        List<Span> taken = new ArrayList<>();
        if (answer == null) {
            return taken;
        }
        List<Span> sentences = units.stream()
                .filter(u -> units.stream().noneMatch(o -> o != u && o.encloses(u)))
                .toList();
        Matcher marker = TAKE_BACK.matcher(answer);
        while (marker.find()) {
            int at = marker.start();
            Span before = null;
            for (Span sentence : sentences) {
                if (sentence.start() <= at && at < sentence.end()) {
                    if (LETTER_OR_DIGIT.matcher(answer).region(sentence.start(), at).find()) {
                        int end = at;
                        while (Character.isWhitespace(answer.charAt(end - 1)) || ",;:-–—".indexOf(answer.charAt(end - 1)) >= 0) {
                            end--;
                        }
                        taken.add(new Span(answer.substring(sentence.start(), end), sentence.start(), end));
                    } else if (before != null) {
                        taken.add(before);
                    }
                    break;
                }
                before = sentence;
            }
        }
        return taken;
    }
}
