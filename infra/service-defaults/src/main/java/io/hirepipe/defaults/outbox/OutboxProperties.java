package io.hirepipe.defaults.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * @param collections  the MongoDB collections whose documents carry an outbox
 * @param pollInterval how often the relay looks for pending events nobody hinted it about ({@link OutboxWrites})
 * @param lease        how long one relay instance owns a document while publishing; another
 *                     instance takes over after it, should the first die mid-way
 * @param sendTimeout  how long to wait for Kafka to acknowledge one event
 */
@ConfigurationProperties("hirepipe.outbox")
public record OutboxProperties(List<String> collections, Duration pollInterval, Duration lease,
                               Duration sendTimeout) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        lease = lease == null ? Duration.ofSeconds(30) : lease;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
    }
}
