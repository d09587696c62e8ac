package io.hirepipe.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each downstream service has a breaker: a service that is down or too slow opens it, callers then
 * get an immediate 503 naming the service, and once the service is back a few probe calls close it.
 */
class CircuitBreakerTest extends EdgeTestSupport {

    private static final Duration SHORT_TIME_LIMIT = Duration.ofMillis(700);

    @Autowired
    CircuitBreakerRegistry breakers;
    @Autowired
    TimeLimiterRegistry timeLimiters;
    @Autowired
    RetryRegistry retries;

    /** Each test starts from closed breakers with empty windows, whatever the one before left. */
    @BeforeEach
    void freshBreakers() {
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @AfterEach
    void everythingBackToHealthy() {
        SCORING_BACKEND.start();
        SCORING_BACKEND.answer(200, Duration.ZERO);
        QUESTIONS.reply("/api/questions/q-slow", request -> StubService.Reply.json(200, "{}"));
        String recruiter = globexRecruiterToken();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(400)).untilAsserted(() -> {
            assertThat(get("/api/results/s-1", "Authorization", bearer(recruiter)).statusCode()).isEqualTo(200);
            assertThat(get("/api/questions/q-slow", "Authorization", bearer(recruiter)).statusCode()).isEqualTo(200);
        });
    }

    /** Every proxied request looks its service's guards up in these registries; a refresh-scoped proxy made each look-up a bean look-up. */
    @Test
    void theRegistriesEveryRequestConsultsAreThemselvesNotScopedProxies() {
        assertThat(AopUtils.isAopProxy(breakers)).isFalse();
        assertThat(AopUtils.isAopProxy(timeLimiters)).isFalse();
        assertThat(AopUtils.isAopProxy(retries)).isFalse();
    }

    @Test
    void aStoppedServiceOpensItsBreakerCallersGetAFast503AndItClosesWhenTheServiceIsBack() {
        String recruiter = globexRecruiterToken();
        assertThat(get("/api/results/s-1", "Authorization", bearer(recruiter)).statusCode()).isEqualTo(200);
        assertThat(breakerState("scoring-service")).isEqualTo("CLOSED");

        SCORING_BACKEND.stop();
        for (int i = 0; i < 4; i++) {
            int status = get("/api/results/s-1", "Authorization", bearer(recruiter)).statusCode();
            assertThat(status).isIn(503);
        }
        assertThat(breakerState("scoring-service")).isEqualTo("OPEN");

        long started = System.nanoTime();
        HttpResponse<String> fast = get("/api/results/s-1", "Authorization", bearer(recruiter));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        JsonNode problem = assertProblem(fast, 503);
        assertThat(problem.get("type").asString()).endsWith("/downstream-circuit-open");
        assertThat(problem.get("service").asString()).isEqualTo("scoring-service");
        assertThat(problem.get("detail").asString()).contains("scoring-service");
        assertThat(fast.headers().firstValue("Retry-After")).isPresent();
        assertThat(tookMillis).as("an open breaker answers without trying the service").isLessThan(500);
        // Other services are not affected by scoring-service's breaker.
        assertThat(get("/api/questions/q-1", "Authorization", bearer(recruiter)).statusCode()).isEqualTo(200);

        SCORING_BACKEND.start();
        int handledBefore = SCORING_BACKEND.handled();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(get("/api/results/s-1", "Authorization", bearer(recruiter)).statusCode()).isEqualTo(200));
        // Half-open lets a couple of probes through; their success closes the breaker again.
        get("/api/results/s-1", "Authorization", bearer(recruiter));
        assertThat(SCORING_BACKEND.handled()).isGreaterThan(handledBefore);
        assertThat(breakerState("scoring-service")).isEqualTo("CLOSED");
        assertThat(management("/actuator/prometheus"))
                .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"scoring-service\"[^}]*state=\"closed\"[^}]*} 1.0");
    }

    @Test
    void aServiceAnsweringWithServerErrorsOpensItsBreakerToo() {
        String recruiter = globexRecruiterToken();
        SCORING_BACKEND.answer(503, Duration.ZERO);

        for (int i = 0; i < 4; i++) {
            get("/api/results/s-2", "Authorization", bearer(recruiter));
        }

        assertThat(breakerState("scoring-service")).isEqualTo("OPEN");
        int handled = SCORING_BACKEND.handled();
        assertProblem(get("/api/results/s-2", "Authorization", bearer(recruiter)), 503);
        assertThat(SCORING_BACKEND.handled()).as("no call reaches the service while open").isEqualTo(handled);
    }

    @Test
    void aSlowServiceGetsA504NamingItAndThenItsBreakerOpens() {
        String recruiter = globexRecruiterToken();
        // Short for this test only, so that four slow calls take seconds; every other edge test proxies under the
        // long limit, where a stall of the machine is no time-out.
        TimeLimiter usual = timeLimiters.timeLimiter("question-service");
        timeLimiters.replace("question-service", TimeLimiter.of("question-service",
                TimeLimiterConfig.from(usual.getTimeLimiterConfig()).timeoutDuration(SHORT_TIME_LIMIT).build()));
        try {
            QUESTIONS.reply("/api/questions/q-slow", request -> {
                try {
                    Thread.sleep(SHORT_TIME_LIMIT.toMillis() + 500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return StubService.Reply.json(200, "{}");
            });

            HttpResponse<String> late = get("/api/questions/q-slow", "Authorization", bearer(recruiter));

            JsonNode problem = assertProblem(late, 504);
            assertThat(problem.get("detail").asString()).contains("question-service")
                    .contains(SHORT_TIME_LIMIT.toMillis() + " ms");
            for (int i = 0; i < 3; i++) {
                get("/api/questions/q-slow", "Authorization", bearer(recruiter));
            }
            assertThat(breakerState("question-service")).isEqualTo("OPEN");
            assertThat(assertProblem(get("/api/questions/q-1", "Authorization", bearer(recruiter)), 503)
                    .get("service").asString()).isEqualTo("question-service");
        } finally {
            timeLimiters.replace("question-service", usual);
        }
    }

    @Test
    void onlyReadsAreRetriedWhenTheConnectionFails() {
        String recruiter = globexRecruiterToken();
        SCORING_BACKEND.stop();
        double retriedBefore = sample("resilience4j_retry_calls_total", "scoring-service", "failed_with_retry");

        assertProblem(postJson("/api/results/s-3/finalize", "{}", "Authorization", bearer(recruiter)), 503);
        assertThat(sample("resilience4j_retry_calls_total", "scoring-service", "failed_with_retry"))
                .as("a write is never sent twice").isEqualTo(retriedBefore);

        assertProblem(get("/api/results/s-3", "Authorization", bearer(recruiter)), 503);
        assertThat(sample("resilience4j_retry_calls_total", "scoring-service", "failed_with_retry"))
                .as("a read is tried again before giving up").isEqualTo(retriedBefore + 1);
    }

    private double sample(String metric, String name, String kind) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(metric)
                + "\\{[^}]*kind=\"" + kind + "\"[^}]*name=\"" + name + "\"[^}]*} (\\S+)")
                .matcher(management("/actuator/prometheus"));
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0.0;
    }

    /** The state operators see in the gateway's health details (management port only). */
    private String breakerState(String service) {
        JsonNode health = JSON.readTree(management("/actuator/health"));
        return health.get("components").get("circuitBreakers").get("details").get(service).get("details")
                .get("state").asString();
    }
}
