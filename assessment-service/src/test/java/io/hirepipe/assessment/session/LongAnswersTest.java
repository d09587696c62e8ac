package io.hirepipe.assessment.session;

import io.hirepipe.assessment.support.AssessmentIntegrationTest;
import io.hirepipe.assessment.support.QuestionServiceStub;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.testkit.EventRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer the API accepts reaches scoring in one record: long answers are sent whole (over Kafka's
 * 1 MiB default, through the raised 4 MiB limit), and a session's text has a budget that a save is refused
 * beyond, before submit, with a problem the candidate can act on.
 */
class LongAnswersTest extends AssessmentIntegrationTest {

    private static final int MAX_ANSWER = SaveAnswerRequest.MAX_TEXT;

    @Test
    void twentyFullLengthAnswersInThreeByteCharactersAreSubmittedInOneRecord() {
        QUESTION_SERVICE.define(tenant, essays("essays-20", 20));
        String candidate = redeemAsCandidate(invite("essays-20", "ada@example.org"));
        String sessionId = start(candidate).get("sessionId").asString();
        String essay = "€".repeat(MAX_ANSWER);
        for (int i = 1; i <= 20; i++) {
            save(candidate, "essay-" + i, 1, null, essay).expect(200);
        }

        api(candidate).post("/api/candidate/assessment/submit", "").expect(200);

        EventRecord submitted = awaitEvents("AssessmentSubmitted", sessionId).get(0);
        assertThat(submitted.value().length).as("bytes on the wire").isGreaterThan(1024 * 1024);
        AssessmentSubmitted payload = (AssessmentSubmitted) submitted.envelope().payload();
        assertThat(payload.answers()).hasSize(20)
                .allSatisfy(answer -> assertThat(answer.text()).isEqualTo(essay));
    }

    @Test
    void aSaveBeyondTheSessionsTextBudgetIsRefusedAndStoresNothing() {
        int fullAnswers = AnswerService.SESSION_TEXT_BUDGET / MAX_ANSWER;
        QUESTION_SERVICE.define(tenant, essays("essays-many", fullAnswers + 1));
        String candidate = redeemAsCandidate(invite("essays-many", "ada@example.org"));
        start(candidate);
        String essay = "x".repeat(MAX_ANSWER);
        for (int i = 1; i <= fullAnswers; i++) {
            save(candidate, "essay-" + i, 1, null, essay).expect(200);
        }

        JsonNode problem = save(candidate, "essay-" + (fullAnswers + 1), 1, null, "one more word")
                .problem(422, "session-text-budget");

        assertThat(problem.get("field").asString()).isEqualTo("text");
        assertThat(problem.get("budget").asInt()).isEqualTo(AnswerService.SESSION_TEXT_BUDGET);
        assertThat(api(candidate).get("/api/candidate/assessment/session").expect(200).get("answers")
                .has("essay-" + (fullAnswers + 1))).isFalse();
        // Shortening an earlier answer makes room again.
        save(candidate, "essay-1", 2, null, "short now").expect(200);
        save(candidate, "essay-" + (fullAnswers + 1), 1, null, "one more word").expect(200);
    }

    private static QuestionServiceStub.Test essays(String testId, int count) {
        List<QuestionServiceStub.Question> questions = new ArrayList<>();
        IntStream.rangeClosed(1, count).forEach(i -> questions.add(new QuestionServiceStub.Question("essay-" + i, 1,
                QuestionKind.FREE_TEXT, "Essay " + i, "Explain topic " + i + " at length.", List.of(), 5)));
        return new QuestionServiceStub.Test(testId, "Long essays", 120, 50, questions);
    }
}
