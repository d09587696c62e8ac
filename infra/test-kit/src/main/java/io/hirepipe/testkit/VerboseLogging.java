package io.hirepipe.testkit;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns loggers up for the length of a try block, as an operator does while chasing a problem, and back to the
 * levels they had afterwards. With Spring Boot's {@code OutputCaptureExtension} a test then reads what such a log
 * would hold: Spring logs bodies, messages and events by {@code toString()} at DEBUG and TRACE.
 *
 * <pre>{@code
 * try (VerboseLogging verbose = VerboseLogging.at(LogLevel.TRACE, "org.springframework.web")) {
 *     api.post(...);
 * }
 * assertThat(output).doesNotContain(candidateEmail);
 * }</pre>
 */
public final class VerboseLogging implements AutoCloseable {

    private final LoggingSystem logging;
    /** Each logger's own configured level before (null: it inherited its parent's). */
    private final Map<String, LogLevel> before = new LinkedHashMap<>();

    private VerboseLogging(LoggingSystem logging, LogLevel level, List<String> loggers) {
        this.logging = logging;
        for (String logger : loggers) {
            LoggerConfiguration configuration = logging.getLoggerConfiguration(logger);
            before.put(logger, configuration == null ? null : configuration.getConfiguredLevel());
            logging.setLogLevel(logger, level);
        }
    }

    public static VerboseLogging at(LogLevel level, String... loggers) {
        return at(level, List.of(loggers));
    }

    public static VerboseLogging at(LogLevel level, List<String> loggers) {
        return new VerboseLogging(LoggingSystem.get(VerboseLogging.class.getClassLoader()), level, loggers);
    }

    @Override
    public void close() {
        before.forEach(logging::setLogLevel);
    }
}
