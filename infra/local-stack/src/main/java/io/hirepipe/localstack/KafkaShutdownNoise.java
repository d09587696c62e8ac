package io.hirepipe.localstack;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * The embedded broker keeps its log in a temporary directory that Kafka's own JVM shutdown hook
 * deletes while the broker is still stopping; the broker then reports pages of "log dir failed"
 * errors about data that is being thrown away on purpose. Silence Kafka for the shutdown only.
 */
final class KafkaShutdownNoise {

    private KafkaShutdownNoise() {
    }

    static void silence() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger("kafka").setLevel(Level.OFF);
            context.getLogger("org.apache.kafka").setLevel(Level.OFF);
            context.getLogger("state.change.logger").setLevel(Level.OFF);
            // The test broker wrapper reports the broker's attempt to halt the JVM over the deleted directory.
            context.getLogger("org.springframework.kafka.test").setLevel(Level.OFF);
        }
    }
}
