package io.hirepipe.assessment.questions;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.hirepipe.testkit.HttpApi;
import io.hirepipe.assessment.support.AssessmentIntegrationTest;
import io.hirepipe.assessment.support.QuestionServiceStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * question-service failing, slow and recovering, as seen through this service's API. The stub is a
 * real HTTP server; the breaker opens after 4 failed calls and half-opens after 2 s (test settings).
 */
class QuestionServiceResilienceTest extends AssessmentIntegrationTest {

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    private final String body = HttpApi.json(Map.of("testId", "java-basics",
            "candidate", Map.of("name", "Ada", "email", "ada@example.org")));

    @BeforeEach
    @AfterEach
    void healthyQuestionService() {
        QUESTION_SERVICE.mode(QuestionServiceStub.Mode.UP);
        circuitBreakers.circuitBreaker(QuestionService.RESILIENCE_NAME).reset();
    }

    @Test
    void aFailingQuestionServiceOpensTheBreakerAndARecoveredOneIsUsedAgain() {
        QUESTION_SERVICE.mode(QuestionServiceStub.Mode.FAILING);

        HttpApi.Response response = null;
        for (int attempt = 0; attempt < 6; attempt++) {
            response = api(recruiterToken()).post("/api/invitations", body);
            response.problem(503, "question-service-unavailable");
            if (response.headers().firstValue("Retry-After").isPresent()) {
                break;
            }
        }
        assertThat(response.headers().firstValue("Retry-After")).as("the breaker opened").isPresent();

        int reachedQuestionService = QUESTION_SERVICE.requests();
        api(recruiterToken()).post("/api/invitations", body).problem(503, "question-service-unavailable");
        api(recruiterToken()).post("/api/invitations", body).problem(503, "question-service-unavailable");
        assertThat(QUESTION_SERVICE.requests()).as("an open breaker spares question-service")
                .isEqualTo(reachedQuestionService);
        assertThat(api(recruiterToken()).get("/api/invitations").expect(200).get("items")).as("nothing half-created")
                .isEmpty();

        QUESTION_SERVICE.mode(QuestionServiceStub.Mode.UP);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> api(recruiterToken()).post("/api/invitations", body).status() == 201);
        assertThat(api(recruiterToken()).get("/api/invitations").expect(200).get("items")).hasSize(1);
    }

    @Test
    void aSessionCannotStartWhileQuestionServiceIsDownAndStartsOnceItIsBack() {
        JsonNode created = invite("java-basics", "ada@example.org");
        String candidate = redeemAsCandidate(created);
        QUESTION_SERVICE.mode(QuestionServiceStub.Mode.FAILING);

        api(candidate).post("/api/candidate/assessment/start", "").problem(503, "question-service-unavailable");
        assertThat(api(candidate).get("/api/candidate/assessment").expect(200).get("status").asString())
                .isEqualTo("INVITED");

        QUESTION_SERVICE.mode(QuestionServiceStub.Mode.UP);
        assertThat(start(candidate).get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void aSlowQuestionServiceIsCutOffByTheTimeLimit() {
        QUESTION_SERVICE.mode(QuestionServiceStub.Mode.SLOW);

        JsonNode problem = api(recruiterToken()).post("/api/invitations", body)
                .problem(503, "question-service-unavailable");
        assertThat(problem.get("detail").asString()).contains("in time");
    }

    @Test
    void aDeliveryIsFetchedOncePerTestForAWaveOfStarts() {
        String first = redeemAsCandidate(invite("java-basics", "one@example.org"));
        String second = redeemAsCandidate(invite("java-basics", "two@example.org"));
        int before = QUESTION_SERVICE.deliveries();

        start(first);
        start(second);

        assertThat(QUESTION_SERVICE.deliveries() - before).isEqualTo(1);
    }
}
