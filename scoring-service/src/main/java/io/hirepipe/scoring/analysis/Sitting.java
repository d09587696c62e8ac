package io.hirepipe.scoring.analysis;

import io.hirepipe.contracts.events.ItemStatus;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.scoring.result.ScoringResult;

import java.util.List;

/**
 * One scored session as item analysis sees it: the points of each item (a reviewer's value where one
 * was set) and nothing about the candidate.
 *
 * @param drawnFromPools whether the session's questions were drawn from pools; null when unknown
 */
record Sitting(List<Answer> answers, Boolean drawnFromPools, boolean provisional, boolean passed) {

    Sitting {
        answers = List.copyOf(answers);
    }

    /**
     * @param answered          false for an item left blank (it counts as a response scoring 0)
     * @param selectedOptionIds for choice items, what the candidate picked
     */
    record Answer(String questionId, int questionVersion, QuestionKind kind, String title, double points,
                  int maxPoints, boolean answered, List<String> selectedOptionIds) {

        Answer {
            selectedOptionIds = selectedOptionIds == null ? List.of() : List.copyOf(selectedOptionIds);
        }

        QuestionVersion question() {
            return new QuestionVersion(questionId, questionVersion);
        }
    }

    static Sitting of(ScoringResult result) {
        return new Sitting(result.items().stream().map(item -> new Answer(item.questionId(), item.questionVersion(),
                item.kind(), item.title(), item.points() == null ? 0 : item.points().doubleValue(), item.maxPoints(),
                item.status() != ItemStatus.UNANSWERED, item.selectedOptionIds())).toList(),
                result.drawnFromPools(), result.provisional(), result.passed());
    }

    double points() {
        return answers.stream().mapToDouble(Answer::points).sum();
    }

    int maxPoints() {
        return answers.stream().mapToInt(Answer::maxPoints).sum();
    }

    double percent() {
        int max = maxPoints();
        return max == 0 ? 0 : 100.0 * points() / max;
    }

    /**
     * The rest score of {@code answer}: the percent of the points on every other item of this sitting.
     * Null when the sitting had no other item worth points. Percent, not points, so that sittings of
     * a pooled test (other questions, other maxima) are comparable.
     */
    Double restPercent(Answer answer) {
        int restMax = maxPoints() - answer.maxPoints();
        return restMax <= 0 ? null : 100.0 * (points() - answer.points()) / restMax;
    }

    List<QuestionVersion> questionSet() {
        return answers.stream().map(Answer::question).sorted().toList();
    }

    record QuestionVersion(String questionId, int version) implements Comparable<QuestionVersion> {

        @Override
        public int compareTo(QuestionVersion other) {
            int byId = questionId.compareTo(other.questionId);
            return byId != 0 ? byId : Integer.compare(version, other.version);
        }
    }
}
