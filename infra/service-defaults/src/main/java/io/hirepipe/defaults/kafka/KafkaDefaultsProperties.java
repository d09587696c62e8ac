package io.hirepipe.defaults.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param topics how Hirepipe topics are created (partitions and replicas; 1 replica suits a dev broker)
 * @param retry  blocking retries of a failed record before it goes to its dead-letter topic
 */
@ConfigurationProperties("hirepipe.kafka")
public record KafkaDefaultsProperties(Topics topics, Retry retry) {

    public KafkaDefaultsProperties {
        topics = topics == null ? new Topics(3, (short) 1) : topics;
        retry = retry == null ? new Retry(4, Duration.ofMillis(500), 2.0, Duration.ofSeconds(5)) : retry;
    }

    public record Topics(int partitions, short replicationFactor) {
    }

    public record Retry(int maxRetries, Duration initialInterval, double multiplier, Duration maxInterval) {
    }
}
