package io.hirepipe.assessment.questions;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * Where question-service is and how patiently to call it. The circuit breaker, time limit and
 * retry of the calls are Resilience4j instances named {@value QuestionService#RESILIENCE_NAME}
 * under {@code resilience4j.*}.
 *
 * @param deliveryCacheTtl how long a test delivery is reused for further session starts: long
 *                         enough to absorb a wave of candidates starting together, short enough
 *                         that an edited test reaches new sessions soon
 */
@ConfigurationProperties("hirepipe.services.question-service")
public record QuestionServiceProperties(
        URI url,
        Duration connectTimeout,
        Duration readTimeout,
        Duration deliveryCacheTtl,
        int deliveryCacheSize) {

    public QuestionServiceProperties {
        url = url == null ? URI.create("http://localhost:8081") : url;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(3) : readTimeout;
        deliveryCacheTtl = deliveryCacheTtl == null ? Duration.ofSeconds(60) : deliveryCacheTtl;
        deliveryCacheSize = deliveryCacheSize <= 0 ? 1_000 : deliveryCacheSize;
    }
}
