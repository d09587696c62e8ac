package io.hirepipe.scoring.result;

import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.scoring.answerkey.AnswerKey;
import io.hirepipe.scoring.answerkey.AnswerKeyRef;
import io.hirepipe.scoring.answerkey.AnswerKeyStore;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Builds the API view of a result, naming the options a candidate chose in words. The texts come from
 * the answer key of the very question version the session had (kept from QuestionPublished), so a
 * later edit of the question never changes what the result says was chosen; nothing is copied into
 * the result itself.
 */
@Component
class ResultViews {

    private final AnswerKeyStore answerKeys;

    ResultViews(AnswerKeyStore answerKeys) {
        this.answerKeys = answerKeys;
    }

    ResultView of(ScoringResult result) {
        List<AnswerKeyRef> picked = result.items().stream()
                .filter(item -> item.kind() != QuestionKind.FREE_TEXT && !item.selectedOptionIds().isEmpty())
                .map(item -> new AnswerKeyRef(item.questionId(), item.questionVersion()))
                .distinct().toList();
        if (picked.isEmpty()) {
            return ResultView.of(result, ResultView.OptionTexts.NONE);
        }
        Map<AnswerKeyRef, AnswerKey> keys = answerKeys.find(result.tenantId(), picked);
        return ResultView.of(result, (questionId, version, optionId) -> {
            AnswerKey key = keys.get(new AnswerKeyRef(questionId, version));
            return key == null ? null : key.optionText(optionId);
        });
    }
}
