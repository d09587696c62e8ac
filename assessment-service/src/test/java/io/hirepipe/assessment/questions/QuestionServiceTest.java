package io.hirepipe.assessment.questions;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.defaults.problem.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The mapping of question-service's answers to problems, the breaker's view of them, and the cache.
 * Retry as configured in application.yml: one more attempt, on transient failures only.
 */
class QuestionServiceTest {

    private final List<String> calls = new ArrayList<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
            .slidingWindowSize(4).minimumNumberOfCalls(4).build());
    private final FakeHttp http = new FakeHttp();
    private final QuestionService questions = new QuestionService(http, new DeliveryCheck(), executor, circuitBreakers,
            TimeLimiterRegistry.ofDefaults(), RetryRegistry.of(RetryConfig.custom().maxAttempts(2)
                    .waitDuration(Duration.ofMillis(10))
                    .retryExceptions(ResourceAccessException.class, HttpServerErrorException.class).build()),
            new QuestionServiceProperties(null, null, null, null, 0));

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private class FakeHttp extends QuestionServiceHttp {
        volatile boolean down;

        FakeHttp() {
            super(null, null);
        }

        @Override
        Optional<TestSummary> test(String tenantId, String testId) {
            calls.add("test " + tenantId + " " + testId);
            failIfDown();
            return switch (testId) {
                case "known" -> Optional.of(new TestSummary("Known", 20, 50));
                case "draft" -> Optional.of(new TestSummary("Draft", null, 20, 50, List.of(), null, 3, null, "DRAFT"));
                case "retired" -> Optional.of(new TestSummary("Old", null, 20, 50, List.of(), null, 3, 2, "RETIRED"));
                case "pooled" -> Optional.of(new TestSummary("Pooled", "About", 20, 50, List.of(), "Read carefully.", 7,
                        1, "DRAFT"));
                default -> Optional.empty();
            };
        }

        @Override
        Optional<TestDelivery> delivery(String tenantId, String testId, String sessionId) {
            calls.add("delivery " + tenantId + " " + testId);
            failIfDown();
            List<DeliveredQuestion> questions = List.of(
                    new DeliveredQuestion("q1", 1, QuestionKind.FREE_TEXT, "T", "P", List.of(), 2));
            return switch (testId) {
                case "known" -> Optional.of(new TestDelivery("known", "Known", 20, 50, questions));
                case "pooled" -> Optional.of(new TestDelivery("pooled", "Pooled", 20, 50, questions, 1, true, true, true));
                default -> Optional.empty();
            };
        }

        private void failIfDown() {
            if (down) {
                throw new ResourceAccessException("connection refused");
            }
        }
    }

    @Test
    void anUnknownTestIsUnprocessableAndNeverTripsTheBreaker() {
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> questions.test("tenant-a", "nope")).isInstanceOfSatisfying(ProblemException.class,
                    problem -> assertThat(problem.getStatusCode().value()).isEqualTo(422));
        }
        assertThat(circuitBreakers.circuitBreaker(QuestionService.RESILIENCE_NAME).getState())
                .isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(questions.test("tenant-a", "known").title()).isEqualTo("Known");
    }

    @Test
    void deliveriesAreCachedPerTenantAndTestButFailuresAreNot() {
        http.down = true;
        assertThatThrownBy(() -> questions.delivery("tenant-a", "known", "s0")).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.getStatusCode().value()).isEqualTo(503));
        http.down = false;
        calls.clear();

        questions.delivery("tenant-a", "known", "s1");
        questions.delivery("tenant-a", "known", "s2");
        questions.delivery("tenant-b", "known", "s3");

        assertThat(calls).containsExactly("delivery tenant-a known", "delivery tenant-b known");
    }

    @Test
    void onlyTestsWithAPublishedVersionThatAreNotRetiredAreOffered() {
        for (String testId : List.of("draft", "retired")) {
            assertThatThrownBy(() -> questions.test("tenant-a", testId)).isInstanceOfSatisfying(ProblemException.class,
                    problem -> assertThat(problem.getBody().getType().toString()).endsWith("test-not-offered"));
        }
        TestSummary pooled = questions.test("tenant-a", "pooled");
        assertThat(pooled.questionCount()).as("pools counted by question-service").isEqualTo(7);
        assertThat(pooled.description()).as("instructions win over the description").isEqualTo("Read carefully.");
    }

    @Test
    void aDeliveryDrawnForOneSessionIsNeverReusedForAnother() {
        questions.delivery("tenant-a", "pooled", "s1");
        questions.delivery("tenant-a", "pooled", "s2");

        assertThat(calls).containsExactly("delivery tenant-a pooled", "delivery tenant-a pooled");
    }

    @Test
    void anOpenBreakerAnswers503WithRetryAfterWithoutCalling() {
        http.down = true;
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> questions.test("tenant-a", "known")).isInstanceOf(ProblemException.class);
        }
        assertThat(calls).as("each request tried twice").hasSize(4);
        calls.clear();

        assertThatThrownBy(() -> questions.test("tenant-a", "known")).isInstanceOfSatisfying(ProblemException.class,
                problem -> {
                    assertThat(problem.getStatusCode().value()).isEqualTo(503);
                    assertThat(problem.getHeaders().getFirst("Retry-After")).isNotBlank();
                });
        assertThat(calls).isEmpty();
    }
}
