package io.hirepipe.testkit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogLevel;

import static org.assertj.core.api.Assertions.assertThat;

class VerboseLoggingTest {

    private final Logger configured = (Logger) LoggerFactory.getLogger("io.hirepipe.testkit.verbose.configured");
    private final Logger inheriting = (Logger) LoggerFactory.getLogger("io.hirepipe.testkit.verbose.inheriting");

    @Test
    void loggersAreUpForTheBlockAndBackToTheirOwnLevelsAfter() {
        configured.setLevel(Level.WARN);

        try (VerboseLogging verbose = VerboseLogging.at(LogLevel.TRACE, configured.getName(), inheriting.getName())) {
            assertThat(configured.isTraceEnabled()).isTrue();
            assertThat(inheriting.isTraceEnabled()).isTrue();
        }

        assertThat(configured.getLevel()).isEqualTo(Level.WARN);
        assertThat(inheriting.getLevel()).as("inherits its parent's again").isNull();
        assertThat(inheriting.isTraceEnabled()).isFalse();
    }
}
