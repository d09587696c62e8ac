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
        topics = topics == null ? new Topics(3, (short) 1, null) : topics;
        retry = retry == null ? new Retry(4, Duration.ofMillis(500), 2.0, Duration.ofSeconds(5)) : retry;
    }

    /**
     * @param retention how long a topic that is not retained forever keeps records; at most
     *                  {@link io.hirepipe.contracts.Topics#BOUNDED_RETENTION}, which keeps every event
     *                  inside the shortest retention a tenant can choose
     */
    public record Topics(int partitions, short replicationFactor, Duration retention) {

        public Topics {
            retention = retention == null ? io.hirepipe.contracts.Topics.BOUNDED_RETENTION : retention;
            if (retention.isNegative() || retention.isZero()
                    || retention.compareTo(io.hirepipe.contracts.Topics.BOUNDED_RETENTION) > 0) {
                throw new IllegalArgumentException("hirepipe.kafka.topics.retention must be positive and at most "
                        + io.hirepipe.contracts.Topics.BOUNDED_RETENTION + ", was " + retention);
            }
        }
    }

    public record Retry(int maxRetries, Duration initialInterval, double multiplier, Duration maxInterval) {
    }
}
