package io.hirepipe.assessment.questions;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.defaults.problem.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The mapping of question-service's answers to problems, the breaker's view of them, and the cache.
 * Retry as configured in application.yml: one more attempt, on transient failures only.
 */
class QuestionServiceTest {

    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
            .slidingWindowSize(4).minimumNumberOfCalls(4).build());
    private final FakeHttp http = new FakeHttp();
    private final QuestionService questions = new QuestionService(http, new DeliveryCheck(), executor, circuitBreakers,
            TimeLimiterRegistry.of(TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(30)).build()), RetryRegistry.of(RetryConfig.custom().maxAttempts(2)
                    .waitDuration(Duration.ofMillis(10))
                    .retryExceptions(ResourceAccessException.class, HttpServerErrorException.class).build()),
            new QuestionServiceProperties(null, null, null, null, 0));

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private class FakeHttp extends QuestionServiceHttp {
        volatile boolean down;
        volatile CountDownLatch gate = new CountDownLatch(0);

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
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
    void aWaveOfFirstStartsCostsQuestionServiceOneCall() throws Exception {
        assertThat(waveOfStarts("known", false)).containsExactly("delivery tenant-a known");
    }

    @Test
    void aWaveOfFirstStartsShareAnOutageAsOneCall() throws Exception {
        http.down = true;
        assertThat(waveOfStarts("known", true)).as("one call, tried twice by the retry")
                .containsExactly("delivery tenant-a known", "delivery tenant-a known");
    }

    /**
     * Eight sessions start a test nobody started before; question-service answers only once all eight are
     * waiting (each either on question-service or on the fetch another start began). Returns the calls made.
     */
    private List<String> waveOfStarts(String testId, boolean expectProblems) throws Exception {
        http.gate = new CountDownLatch(1);
        List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
        ExecutorService starts = Executors.newFixedThreadPool(8, task -> {
            Thread thread = new Thread(task);
            threads.add(thread);
            return thread;
        });
        try {
            List<Future<TestDelivery>> wave = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String sessionId = "s" + i;
                wave.add(starts.submit(() -> questions.delivery("tenant-a", testId, sessionId)));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> threads.size() == 8 && threads.stream()
                    .allMatch(thread -> thread.getState() == Thread.State.WAITING
                            || thread.getState() == Thread.State.TIMED_WAITING));
            http.gate.countDown();
            for (Future<TestDelivery> start : wave) {
                if (expectProblems) {
                    assertThatThrownBy(start::get).hasCauseInstanceOf(ProblemException.class);
                } else {
                    assertThat(start.get().testId()).isEqualTo(testId);
                }
            }
            return List.copyOf(calls);
        } finally {
            starts.shutdownNow();
        }
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
