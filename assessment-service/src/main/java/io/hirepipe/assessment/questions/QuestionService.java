package io.hirepipe.assessment.questions;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.hirepipe.defaults.correlation.CorrelationId;
import io.hirepipe.defaults.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.HttpClientErrorException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * question-service as this service needs it: each call bounded by a Resilience4j time limit,
 * retried once on a transient failure, behind a circuit breaker so that an ailing question-service
 * gets a rest instead of a queue of waiting threads. Callers get problems, never exceptions:
 * 422 for a test question-service does not know (for this tenant), 409 for one it cannot deliver now
 * (its pools cannot be filled since the bank changed), 503 while it is unavailable.
 */
public class QuestionService {

    public static final String RESILIENCE_NAME = "question-service";

    private static final Logger log = LoggerFactory.getLogger(QuestionService.class);

    private final QuestionServiceHttp http;
    private final DeliveryCheck deliveryCheck;
    private final ExecutorService executor;
    private final CircuitBreaker circuitBreaker;
    private final TimeLimiter timeLimiter;
    private final Retry retry;
    private final Cache<DeliveryKey, TestDelivery> deliveries;
    /** The fetch under way per (tenant, test): a wave of first starts waits for it instead of fetching too. */
    private final ConcurrentMap<DeliveryKey, CompletableFuture<TestDelivery>> fetching = new ConcurrentHashMap<>();

    QuestionService(QuestionServiceHttp http, DeliveryCheck deliveryCheck, ExecutorService executor,
                    CircuitBreakerRegistry circuitBreakers, TimeLimiterRegistry timeLimiters, RetryRegistry retries,
                    QuestionServiceProperties properties) {
        this.http = http;
        this.deliveryCheck = deliveryCheck;
        this.executor = executor;
        this.circuitBreaker = circuitBreakers.circuitBreaker(RESILIENCE_NAME);
        this.timeLimiter = timeLimiters.timeLimiter(RESILIENCE_NAME);
        this.retry = retries.retry(RESILIENCE_NAME);
        this.deliveries = Caffeine.newBuilder()
                .expireAfterWrite(properties.deliveryCacheTtl())
                .maximumSize(properties.deliveryCacheSize())
                .build();
    }

    /** The test's title, duration and pass mark, for an invitation; 422 for a test that is not offered. */
    public TestSummary test(String tenantId, String testId) {
        TestSummary test = guarded(() -> http.test(tenantId, testId)).orElseThrow(() -> unknownTest(testId));
        if (!test.offered()) {
            throw ProblemException.unprocessable("test-not-offered", "Test '" + testId + "' is "
                    + ("RETIRED".equals(test.status()) ? "retired" : "a draft that was never published")
                    + "; candidates can only be invited to a published test.").with("testId", testId);
        }
        return test;
    }

    /**
     * The questions to freeze into new session {@code sessionId}. A test with fixed questions is reused per
     * (tenant, test) for a short while, so a wave of candidates starting together costs question-service one
     * call; a delivery drawn for one session (pools, shuffled order) is never reused for another.
     */
    public TestDelivery delivery(String tenantId, String testId, String sessionId) {
        DeliveryKey key = new DeliveryKey(tenantId, testId);
        TestDelivery cached = deliveries.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        CompletableFuture<TestDelivery> mine = new CompletableFuture<>();
        CompletableFuture<TestDelivery> underWay = fetching.putIfAbsent(key, mine);
        if (underWay != null) {
            return sharedOrOwn(underWay, tenantId, testId, sessionId);
        }
        try {
            TestDelivery delivery = fetch(key, tenantId, testId, sessionId);
            mine.complete(delivery);
            return delivery;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            fetching.remove(key, mine);
        }
    }

    /**
     * Waits for the fetch another start began (bounded by that call's own time limit and retry). Its answer
     * serves this session too unless it was drawn for its own session; its problem (503, 409, 422) is this
     * session's answer as well, so a wave of starts against an ailing question-service costs it one call.
     */
    private TestDelivery sharedOrOwn(CompletableFuture<TestDelivery> underWay, String tenantId, String testId,
                                     String sessionId) {
        try {
            TestDelivery shared = underWay.join();
            if (!shared.drawnPerSession()) {
                return shared;
            }
        } catch (CompletionException e) {
            if (e.getCause() instanceof ProblemException problem) {
                throw problem;
            }
        }
        return fetch(new DeliveryKey(tenantId, testId), tenantId, testId, sessionId);
    }

    private TestDelivery fetch(DeliveryKey key, String tenantId, String testId, String sessionId) {
        // A refusal (409: the test's pools cannot be drawn from the bank as it is now) is question-service's
        // answer, not a failure of it: it never counts against the breaker and is never retried.
        AtomicReference<String> refusal = new AtomicReference<>();
        Optional<TestDelivery> answer = guarded(() -> {
            try {
                return http.delivery(tenantId, testId, sessionId);
            } catch (HttpClientErrorException.Conflict refused) {
                refusal.set(refused.getResponseBodyAsString());
                return Optional.empty();
            }
        });
        if (refusal.get() != null) {
            log.warn("Test {} of tenant {} cannot start a session: question-service answered {}", testId, tenantId,
                    refusal.get());
            throw ProblemException.conflict("test-cannot-start", "This assessment cannot start right now: its "
                    + "questions can no longer be drawn from the question bank, which changed since the test was "
                    + "published. Your invitation stays valid; the recruiter who invited you has to fix the test.")
                    .with("testId", testId);
        }
        TestDelivery delivery = answer.orElseThrow(() -> unknownTest(testId));
        deliveryCheck.verify(delivery);
        if (!delivery.drawnPerSession()) {
            deliveries.put(key, delivery);
        }
        return delivery;
    }

    /**
     * The tenant's published tests, every page of them (bounded): what an ATS may offer its users.
     * A test without a status (as question-service wrote them before tests had one) counts as published.
     */
    public List<TestListing> publishedTests(String tenantId) {
        List<TestListing> tests = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < TestListing.MAX_PAGES; page++) {
            String current = cursor;
            TestListing.Page answer = guarded(() -> Optional.ofNullable(http.tests(tenantId, current)))
                    .orElse(new TestListing.Page(List.of(), null, false));
            answer.items().stream().filter(TestListing::published).forEach(tests::add);
            cursor = answer.nextCursor();
            if (cursor == null || Boolean.FALSE.equals(answer.hasMore())) {
                break;
            }
        }
        return tests;
    }

    private <T> Optional<T> guarded(Supplier<Optional<T>> call) {
        Supplier<Optional<T>> withCorrelation = carryCorrelationId(call);
        Callable<Optional<T>> timed = TimeLimiter.decorateFutureSupplier(timeLimiter,
                () -> CompletableFuture.supplyAsync(withCorrelation, executor));
        Callable<Optional<T>> protectedCall = Retry.decorateCallable(retry,
                CircuitBreaker.decorateCallable(circuitBreaker, timed));
        try {
            return protectedCall.call();
        } catch (CallNotPermittedException e) {
            ProblemException problem = unavailable("question-service is failing; calls to it are paused for a moment. "
                    + "Try again shortly.");
            problem.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds()));
            throw problem;
        } catch (TimeoutException e) {
            log.warn("question-service did not answer within {}",
                    timeLimiter.getTimeLimiterConfig().getTimeoutDuration());
            throw unavailable("question-service did not answer in time. Try again shortly.");
        } catch (Exception e) {
            log.warn("question-service call failed: {}", e.toString());
            throw unavailable("question-service cannot be reached right now. Try again shortly.");
        }
    }

    /** The worker thread logs and forwards under the request's correlation id. */
    private static <T> Supplier<T> carryCorrelationId(Supplier<T> call) {
        String correlationId = CorrelationId.currentOrNew();
        return () -> {
            try (CorrelationId.Scope ignored = CorrelationId.open(correlationId)) {
                return call.get();
            }
        };
    }

    private long retryAfterSeconds() {
        long millis = circuitBreaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1);
        return Math.max(1, (millis + 999) / 1000);
    }

    private static ProblemException unknownTest(String testId) {
        return ProblemException.unprocessable("unknown-test", "Test '" + testId + "' does not exist.")
                .with("testId", testId);
    }

    private static ProblemException unavailable(String detail) {
        return ProblemException.unavailable("question-service-unavailable", detail);
    }

    private record DeliveryKey(String tenantId, String testId) {
    }
}
