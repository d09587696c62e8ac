package io.hirepipe.assessment.questions;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.hirepipe.defaults.security.InternalToken;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

@Configuration(proxyBeanMethods = false)
class QuestionServiceConfiguration {

    @Bean
    QuestionService questionService(RestClient.Builder builder, InternalToken internalToken,
                                    QuestionServiceProperties properties, CircuitBreakerRegistry circuitBreakers,
                                    TimeLimiterRegistry timeLimiters, RetryRegistry retries,
                                    ExecutorService questionServiceCalls) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(client);
        // The Resilience4j time limit bounds the whole call; the read timeout frees the worker thread too.
        requestFactory.setReadTimeout(properties.readTimeout());
        // Boot's builder carries the correlation id interceptor of the service defaults.
        RestClient rest = builder.clone()
                .baseUrl(properties.url().toString())
                .requestFactory(requestFactory)
                .build();
        return new QuestionService(new QuestionServiceHttp(rest, internalToken), new DeliveryCheck(),
                questionServiceCalls, circuitBreakers, timeLimiters, retries, properties);
    }

    /**
     * The threads the time limiter runs calls on: bounded, so a hanging question-service cannot
     * make this service spawn threads without end; a full queue fails fast into the breaker.
     */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService questionServiceCalls() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(16, 16, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(64), runnable -> {
                    Thread thread = new Thread(runnable, "question-service-call-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
