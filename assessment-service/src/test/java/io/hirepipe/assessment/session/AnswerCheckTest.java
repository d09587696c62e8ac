package io.hirepipe.assessment.session;

import io.hirepipe.assessment.invitation.QuestionSnapshot;
import io.hirepipe.contracts.events.ChoiceOption;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.defaults.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnswerCheckTest {

    private static final List<ChoiceOption> OPTIONS = List.of(new ChoiceOption("a", "A"), new ChoiceOption("b", "B"),
            new ChoiceOption("c", "C"));
    private static final QuestionSnapshot SINGLE = question(QuestionKind.SINGLE_CHOICE, OPTIONS);
    private static final QuestionSnapshot MULTI = question(QuestionKind.MULTI_CHOICE, OPTIONS);
    private static final QuestionSnapshot TEXT = question(QuestionKind.FREE_TEXT, List.of());

    private static QuestionSnapshot question(QuestionKind kind, List<ChoiceOption> options) {
        return new QuestionSnapshot("q", 1, kind, "Title", "Prompt", options, 1);
    }

    private static SaveAnswerRequest options(String... ids) {
        return new SaveAnswerRequest(1L, List.of(ids), null);
    }

    private static void refused(QuestionSnapshot question, SaveAnswerRequest request, String detail) {
        assertThatThrownBy(() -> AnswerCheck.verify(question, request))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.getStatusCode().value()).isEqualTo(400);
                    assertThat(problem.getBody().getDetail()).contains(detail);
                });
    }

    @Test
    void aSingleChoiceTakesExactlyOneOfItsOptions() {
        assertThatCode(() -> AnswerCheck.verify(SINGLE, options("b"))).doesNotThrowAnyException();
        refused(SINGLE, options(), "exactly one");
        refused(SINGLE, options("a", "b"), "exactly one");
        refused(SINGLE, options("z"), "no option 'z'");
        refused(SINGLE, new SaveAnswerRequest(1L, List.of("a"), "and some text"), "not in text");
    }

    @Test
    void aMultiChoiceTakesAnyDistinctOptionsOfItsOwn() {
        assertThatCode(() -> AnswerCheck.verify(MULTI, options("a", "c"))).doesNotThrowAnyException();
        assertThatCode(() -> AnswerCheck.verify(MULTI, options())).as("cleared").doesNotThrowAnyException();
        refused(MULTI, options("a", "a"), "more than once");
        refused(MULTI, options("a", "d"), "no option 'd'");
    }

    @Test
    void freeTextTakesTextOnly() {
        assertThatCode(() -> AnswerCheck.verify(TEXT, new SaveAnswerRequest(1L, null, "prose"))).doesNotThrowAnyException();
        assertThatCode(() -> AnswerCheck.verify(TEXT, new SaveAnswerRequest(1L, List.of(), null))).doesNotThrowAnyException();
        refused(TEXT, options("a"), "in text, not by options");
    }
}
