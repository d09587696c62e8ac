package io.hirepipe.assessment.session;

import io.hirepipe.assessment.invitation.QuestionSnapshot;
import io.hirepipe.assessment.questions.DeliveredQuestion;
import io.hirepipe.contracts.events.ChoiceOption;
import io.hirepipe.contracts.events.QuestionKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionFreezerTest {

    private static final List<ChoiceOption> OPTIONS = IntStream.range(0, 6)
            .mapToObj(i -> new ChoiceOption("o" + i, "Option " + i)).toList();
    private static final List<DeliveredQuestion> DELIVERY = List.of(
            new DeliveredQuestion("q1", 4, QuestionKind.MULTI_CHOICE, "T1", "P1", OPTIONS, 3),
            new DeliveredQuestion("q2", 1, QuestionKind.FREE_TEXT, "T2", "P2", List.of(), 5),
            new DeliveredQuestion("q3", 2, QuestionKind.SINGLE_CHOICE, "T3", "P3", OPTIONS, 1));

    @Test
    void keepsTheQuestionsAndTheirOrderAsDelivered() {
        List<QuestionSnapshot> frozen = QuestionFreezer.freeze(DELIVERY, "ses_1");

        assertThat(frozen).extracting(QuestionSnapshot::questionId).containsExactly("q1", "q2", "q3");
        assertThat(frozen).extracting(QuestionSnapshot::version).containsExactly(4, 1, 2);
        assertThat(frozen.get(0).options()).containsExactlyInAnyOrderElementsOf(OPTIONS);
        assertThat(frozen.get(1).options()).isEmpty();
        assertThat(frozen.get(2).maxPoints()).isEqualTo(1);
    }

    @Test
    void theSameSessionAlwaysGetsTheSameOptionOrder() {
        assertThat(QuestionFreezer.freeze(DELIVERY, "ses_1")).isEqualTo(QuestionFreezer.freeze(DELIVERY, "ses_1"));
    }

    @Test
    void sessionsGetDifferentOptionOrders() {
        long distinctOrders = IntStream.range(0, 20)
                .mapToObj(i -> QuestionFreezer.freeze(DELIVERY, "ses_" + i).get(0).options())
                .distinct().count();

        assertThat(distinctOrders).isGreaterThan(10);
    }
}
