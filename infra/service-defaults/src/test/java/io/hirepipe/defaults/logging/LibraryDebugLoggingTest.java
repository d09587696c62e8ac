package io.hirepipe.defaults.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogMessage;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring and Spring Security log through Commons Logging, often with an unguarded {@code debug(LogMessage)}.
 * Commons Logging's SLF4J bridge turns every message into a String before it asks whether the level is on, so
 * each such call built its text on every request; the service defaults route Commons Logging through the Log4j
 * API (which Boot already sends to SLF4J and Logback), and that asks first.
 */
class LibraryDebugLoggingTest {

    private final Logger logback = (Logger) LoggerFactory.getLogger("io.hirepipe.test.library");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @AfterEach
    void detach() {
        logback.detachAppender(appender);
        logback.setLevel(null);
    }

    @Test
    void aDebugMessageIsNotBuiltWhileDebugIsOff() {
        logback.setLevel(Level.INFO);
        AtomicInteger built = new AtomicInteger();

        LogFactory.getLog("io.hirepipe.test.library").debug(LogMessage.of(() -> "built " + built.incrementAndGet()));

        assertThat(built).hasValue(0);
    }

    @Test
    void enabledMessagesStillReachLogbackUnderTheirLoggerName() {
        logback.setLevel(Level.DEBUG);
        appender.start();
        logback.addAppender(appender);
        Log log = LogFactory.getLog("io.hirepipe.test.library");

        log.debug(LogMessage.format("checking %s against %s", "/api/v1/questions/1", "/api/v1/**"));
        log.trace("below the level");

        assertThat(appender.list).singleElement().satisfies(event -> {
            assertThat(event.getFormattedMessage()).isEqualTo("checking /api/v1/questions/1 against /api/v1/**");
            assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(event.getLoggerName()).isEqualTo("io.hirepipe.test.library");
        });
    }
}
