package io.hirepipe.assessment.questions;

import io.hirepipe.contracts.events.ChoiceOption;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.defaults.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryCheckTest {

    private final DeliveryCheck check = new DeliveryCheck();
    private static final List<ChoiceOption> TWO = List.of(new ChoiceOption("a", "A"), new ChoiceOption("b", "B"));

    private static TestDelivery delivery(DeliveredQuestion... questions) {
        return new TestDelivery("t-1", "Test", 30, 60, List.of(questions));
    }

    private static DeliveredQuestion question(String id, QuestionKind kind, List<ChoiceOption> options) {
        return new DeliveredQuestion(id, 1, kind, "T", "P", options, 1);
    }

    private void refused(TestDelivery delivery, int status) {
        assertThatThrownBy(() -> check.verify(delivery)).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.getStatusCode().value()).isEqualTo(status));
    }

    @Test
    void aWellFormedDeliveryPasses() {
        assertThatCode(() -> check.verify(delivery(question("q-1", QuestionKind.SINGLE_CHOICE, TWO),
                question("q:2", QuestionKind.FREE_TEXT, List.of())))).doesNotThrowAnyException();
    }

    @Test
    void aTestWithoutQuestionsCannotBeTaken() {
        refused(delivery(), 422);
    }

    @Test
    void questionIdsMustBeSafeAsStorageKeysAndUnique() {
        refused(delivery(question("q.1", QuestionKind.FREE_TEXT, List.of())), 502);
        refused(delivery(question("$where", QuestionKind.FREE_TEXT, List.of())), 502);
        refused(delivery(question(null, QuestionKind.FREE_TEXT, List.of())), 502);
        refused(delivery(question("q1", QuestionKind.FREE_TEXT, List.of()),
                question("q1", QuestionKind.FREE_TEXT, List.of())), 502);
    }

    @Test
    void choiceQuestionsNeedDistinctOptions() {
        refused(delivery(question("q1", QuestionKind.SINGLE_CHOICE, List.of(new ChoiceOption("a", "A")))), 502);
        refused(delivery(question("q1", QuestionKind.MULTI_CHOICE,
                List.of(new ChoiceOption("a", "A"), new ChoiceOption("a", "B")))), 502);
        refused(delivery(question("q1", null, TWO)), 502);
    }
}
