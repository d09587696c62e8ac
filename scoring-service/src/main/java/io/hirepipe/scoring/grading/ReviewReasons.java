package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.FreeTextGrade.GradeFlag;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Why the grader asked a person to look at an item, in a recruiter's words: one sentence per flag that sends an item
 * to review, in the flags' order. The API's result, the console and the report email all show these, so the wording
 * lives here once. Flags that never send an item to review (BLANK) and names this version does not know give none.
 */
public final class ReviewReasons {

    private static final Map<GradeFlag, String> SENTENCES = new EnumMap<>(Map.of(
            GradeFlag.LOW_CONFIDENCE, "the evidence for some key points sits close to the grader's thresholds",
            GradeFlag.NEAR_THRESHOLD, "the score lies on the boundary between two grades",
            GradeFlag.KEYWORD_LIST, "the answer reads as a list of terms rather than an explanation, and its score is capped",
            GradeFlag.MOSTLY_OFF_TOPIC, "most of the answer is not about the question: it may make its points in its own "
                    + "words, or wander off them",
            GradeFlag.OFF_TOPIC, "the grader found nothing of the question in the answer and scored it 0: it may answer "
                    + "another question, or make its points in everyday words",
            GradeFlag.FALLBACK, "the built-in grader stood in for the configured one",
            GradeFlag.NOT_ENGLISH, "the answer is not written in English, the only language the built-in grader reads: "
                    + "its score does not reflect what it says"));

    private ReviewReasons() {
    }

    /** The sentences for {@code flags} (flag names as stored with a result). */
    public static List<String> of(Collection<String> flags) {
        return SENTENCES.entrySet().stream().filter(entry -> flags.contains(entry.getKey().name()))
                .map(Map.Entry::getValue).toList();
    }
}
