package io.hirepipe.assessment.session;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.hirepipe.assessment.support.AssessmentIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis that accepts connections but answers nothing (here: the real server under {@code CLIENT PAUSE}) must
 * not stall candidates. Without command timeouts each call would wait Lettuce's default 60 s and every
 * autosave below would time out; with them, a few calls are slow, then the breaker skips Redis, and MongoDB
 * (the record) serves every read with every answer.
 */
class HungRedisTest extends AssessmentIntegrationTest {

    private static final Duration PAUSE = Duration.ofSeconds(8);

    @Autowired
    StringRedisTemplate redis;
    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @AfterEach
    void redisBack() {
        await().atMost(PAUSE.plusSeconds(5)).ignoreExceptions().until(() -> "PONG".equals(
                redis.execute((RedisCallback<String>) connection -> connection.ping())));
        // The breaker is shared by the whole suite's context: close it again for the tests after this one.
        circuitBreakers.circuitBreaker(SessionCache.BREAKER).reset();
    }

    @Test
    void aHungRedisCostsAFewSlowCallsThenNone_andNoAnswerIsLost() {
        String candidate = redeemAsCandidate(invite("java-basics", "ada@example.org"));
        start(candidate);
        save(candidate, "q-single", 1, List.of("a"), null).expect(200);

        pauseRedis();
        for (int sequence = 1; sequence <= 6; sequence++) {
            save(candidate, "q-text", sequence, null, "draft " + sequence).expect(200);
        }

        CircuitBreaker breaker = circuitBreakers.circuitBreaker(SessionCache.BREAKER);
        assertThat(breaker.getState()).as("Redis is skipped while it hangs").isEqualTo(CircuitBreaker.State.OPEN);
        JsonNode session = api(candidate).get("/api/candidate/assessment/session").expect(200);
        assertThat(session.get("answers").get("q-single").get("selectedOptionIds").get(0).asString()).isEqualTo("a");
        assertThat(session.get("answers").get("q-text").get("text").asString()).isEqualTo("draft 6");
    }

    private void pauseRedis() {
        redis.execute((RedisCallback<Object>) connection -> connection.execute("CLIENT",
                "PAUSE".getBytes(StandardCharsets.UTF_8),
                String.valueOf(PAUSE.toMillis()).getBytes(StandardCharsets.UTF_8)));
    }
}
