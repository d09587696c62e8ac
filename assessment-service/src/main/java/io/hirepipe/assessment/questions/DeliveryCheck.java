package io.hirepipe.assessment.questions;

import io.hirepipe.contracts.events.ChoiceOption;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.defaults.problem.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses a delivery this service could not run a session on, before anything is frozen from it.
 * Question ids become MongoDB field names (answers are keyed by them), so they must not contain
 * '.' or '$'.
 */
class DeliveryCheck {

    static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_:-]{1,100}");

    void verify(TestDelivery delivery) {
        if (delivery.questions().isEmpty()) {
            throw ProblemException.unprocessable("empty-test", "Test '" + delivery.testId()
                    + "' has no questions to deliver.");
        }
        if (delivery.durationMinutes() <= 0) {
            throw invalid("a duration of " + delivery.durationMinutes() + " minutes");
        }
        Set<String> questionIds = new HashSet<>();
        for (DeliveredQuestion question : delivery.questions()) {
            if (question.questionId() == null || !SAFE_ID.matcher(question.questionId()).matches()) {
                throw invalid("a question id that is not a safe identifier");
            }
            if (!questionIds.add(question.questionId())) {
                throw invalid("question '" + question.questionId() + "' twice");
            }
            if (question.kind() == null) {
                throw invalid("question '" + question.questionId() + "' without a kind");
            }
            if (question.kind() != QuestionKind.FREE_TEXT) {
                verifyOptions(question);
            }
        }
    }

    private void verifyOptions(DeliveredQuestion question) {
        List<ChoiceOption> options = question.options();
        Set<String> optionIds = new HashSet<>();
        for (ChoiceOption option : options) {
            if (option == null || option.id() == null || !optionIds.add(option.id())) {
                throw invalid("question '" + question.questionId() + "' with missing or repeated option ids");
            }
        }
        if (options.size() < 2) {
            throw invalid("choice question '" + question.questionId() + "' with fewer than two options");
        }
    }

    private static ProblemException invalid(String what) {
        return new ProblemException(HttpStatus.BAD_GATEWAY, "question-service-invalid-response",
                "Invalid upstream response", "question-service delivered " + what + ".");
    }
}
