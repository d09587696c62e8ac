package io.hirepipe.testkit;

import org.slf4j.LoggerFactory;

/**
 * Mutes Testcontainers' loggers for the duration of a Docker check. Where there is no Docker, Testcontainers
 * reports every strategy it tried at ERROR level; the kit replaces that with one line that says what happens
 * next. Only works with Logback (Spring Boot's default); with other backends nothing is muted.
 */
final class SilencedTestcontainersLogging implements AutoCloseable {

    private static final String TESTCONTAINERS_LOGGER = "org.testcontainers";

    private final Runnable restore;

    private SilencedTestcontainersLogging(Runnable restore) {
        this.restore = restore;
    }

    static SilencedTestcontainersLogging silence() {
        if (LoggerFactory.getILoggerFactory().getClass().getName().equals("ch.qos.logback.classic.LoggerContext")) {
            return new SilencedTestcontainersLogging(LogbackLevel.turnOff(TESTCONTAINERS_LOGGER));
        }
        return new SilencedTestcontainersLogging(() -> {
        });
    }

    @Override
    public void close() {
        restore.run();
    }

    /** Kept apart so Logback classes are only loaded when Logback is present. */
    private static final class LogbackLevel {

        static Runnable turnOff(String name) {
            var logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name);
            ch.qos.logback.classic.Level previous = logger.getLevel();
            logger.setLevel(ch.qos.logback.classic.Level.OFF);
            return () -> logger.setLevel(previous);
        }
    }
}
