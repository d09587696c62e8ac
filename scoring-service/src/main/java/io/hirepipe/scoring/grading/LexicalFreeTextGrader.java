package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.answerkey.RubricKeyPoint;
import io.hirepipe.scoring.grading.FreeTextGrade.GradeFlag;
import io.hirepipe.scoring.grading.FreeTextGrade.KeyPointEvidence;
import io.hirepipe.scoring.grading.FreeTextGrade.Verdict;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Lexical grading only: a key point is met in full when any of its phrases' stems occur in the answer. */
@Component
public class LexicalFreeTextGrader implements FreeTextGrader {

    private final RubricMatcher matcher;

    public LexicalFreeTextGrader(RubricMatcher matcher) {
        this.matcher = matcher;
    }

    @Override
    public FreeTextGrade grade(String answer, FreeTextRubric rubric) {
        if (answer == null || answer.isBlank()) {
            List<KeyPointEvidence> missed = rubric.keyPoints().stream()
                    .map(p -> new KeyPointEvidence(p.id(), Verdict.MISSED, 0, BigDecimal.ZERO, null, 0)).toList();
            return new FreeTextGrade(BigDecimal.ZERO, rubric.maxPoints(), 1.0, false, missed, List.of(),
                    Set.of(GradeFlag.BLANK));
        }
        List<RubricKeyPoint> points = rubric.keyPoints().stream()
                .map(p -> new RubricKeyPoint(p.id(), p.phrases(), p.points())).toList();
        Set<String> met = Set.copyOf(matcher.match(answer, points).keyPointIds());
        List<KeyPointEvidence> evidence = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (FreeTextRubric.Point point : rubric.keyPoints()) {
            boolean isMet = met.contains(point.id());
            BigDecimal earned = isMet ? BigDecimal.valueOf(point.points()) : BigDecimal.ZERO;
            total = total.add(earned);
            evidence.add(new KeyPointEvidence(point.id(), isMet ? Verdict.MET : Verdict.MISSED, isMet ? 1 : 0,
                    earned, null, 0));
        }
        return new FreeTextGrade(total, rubric.maxPoints(), 0.5, false, evidence, List.of(), Set.of());
    }
}
