package io.hirepipe.assessment.session;

import io.hirepipe.assessment.invitation.QuestionSnapshot;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.defaults.problem.ProblemException;

import java.util.HashSet;
import java.util.List;

/** Whether a save fits its question: the right shape for the kind, only options the question has. */
final class AnswerCheck {

    private AnswerCheck() {
    }

    static void verify(QuestionSnapshot question, SaveAnswerRequest request) {
        List<String> selected = request.selectedOrEmpty();
        switch (question.kind()) {
            case FREE_TEXT -> {
                if (!selected.isEmpty()) {
                    throw invalid("Question '" + question.questionId() + "' is answered in text, not by options.");
                }
            }
            case SINGLE_CHOICE, MULTI_CHOICE -> {
                if (request.text() != null && !request.text().isEmpty()) {
                    throw invalid("Question '" + question.questionId() + "' is answered by options, not in text.");
                }
                if (question.kind() == QuestionKind.SINGLE_CHOICE && selected.size() != 1) {
                    throw invalid("Question '" + question.questionId() + "' takes exactly one option.");
                }
                if (new HashSet<>(selected).size() != selected.size()) {
                    throw invalid("An option is selected more than once.");
                }
                for (String optionId : selected) {
                    if (!question.hasOption(optionId)) {
                        throw invalid("Question '" + question.questionId() + "' has no option '" + optionId + "'.")
                                .with("optionId", optionId);
                    }
                }
            }
        }
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-answer", detail);
    }
}
