package io.hirepipe.embedded;

import org.slf4j.LoggerFactory;

/**
 * Turns the chattiest server loggers down to WARN when Logback is the SLF4J backend. Kafka alone logs
 * hundreds of INFO lines at start-up, which buries the application's own output.
 *
 * <p>Loggers the application configured explicitly keep their level. Nothing happens with other backends;
 * the same levels are available as a Logback include, {@code io/hirepipe/embedded/quiet-infra-logback.xml}.
 * The servers apply this when they start; Spring Boot resets Logback when an application starts, so code that
 * starts Spring applications next to embedded servers (the test kit) applies it again afterwards.
 */
public final class QuietInfraLogging {

    static final String[] NOISY_LOGGERS = {
            "kafka", "org.apache.kafka", "state.change.logger", "org.apache.zookeeper",
            "com.icegreen.greenmail", "de.bwaldvogel.mongo", "org.h2"};

    private QuietInfraLogging() {
    }

    public static void apply() {
        if (LoggerFactory.getILoggerFactory().getClass().getName().equals("ch.qos.logback.classic.LoggerContext")) {
            LogbackLevels.warnUnlessConfigured(NOISY_LOGGERS);
        }
    }

    /** Kept apart so Logback classes are only loaded when Logback is present. */
    private static final class LogbackLevels {

        static void warnUnlessConfigured(String[] names) {
            var context = (ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory();
            for (String name : names) {
                ch.qos.logback.classic.Logger logger = context.getLogger(name);
                if (logger.getLevel() == null) {
                    logger.setLevel(ch.qos.logback.classic.Level.WARN);
                }
            }
        }
    }
}
