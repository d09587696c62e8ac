package io.hirepipe.testkit;

import java.util.Locale;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, once per JVM, whether tests get containers or embedded servers: the system property
 * {@value TestInfrastructure#MODE_PROPERTY} wins over the environment variable
 * {@value TestInfrastructure#MODE_ENVIRONMENT_VARIABLE}; without either, containers when Docker is reachable.
 */
final class ModeSelection {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

    private static final Lazy<InfrastructureMode> JVM_MODE = Lazy.of(() ->
            decide(configured(System::getProperty, System::getenv)));
    private static final Lazy<DockerStatus> DOCKER = Lazy.of(DockerDetection::detect);

    private ModeSelection() {
    }

    /** {@link InfrastructureMode#CONTAINERS} or {@link InfrastructureMode#EMBEDDED}, the same for the whole JVM. */
    static InfrastructureMode jvmMode() {
        return JVM_MODE.get();
    }

    /** A forced mode stays as it is; {@link InfrastructureMode#AUTO} becomes the JVM's mode. */
    static InfrastructureMode resolve(InfrastructureMode requested) {
        return requested == InfrastructureMode.AUTO ? jvmMode() : requested;
    }

    /** Whether Docker is reachable, asked at most once per JVM. */
    static DockerStatus docker() {
        return DOCKER.get();
    }

    static InfrastructureMode configured(UnaryOperator<String> systemProperties, UnaryOperator<String> environment) {
        String property = systemProperties.apply(TestInfrastructure.MODE_PROPERTY);
        if (property != null && !property.isBlank()) {
            return InfrastructureMode.parse(property, "System property " + TestInfrastructure.MODE_PROPERTY);
        }
        String variable = environment.apply(TestInfrastructure.MODE_ENVIRONMENT_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return InfrastructureMode.parse(variable, "Environment variable " + TestInfrastructure.MODE_ENVIRONMENT_VARIABLE);
        }
        return InfrastructureMode.AUTO;
    }

    private static InfrastructureMode decide(InfrastructureMode configured) {
        if (configured != InfrastructureMode.AUTO) {
            log.info("Test infrastructure: {} (configured: {})", describe(configured),
                    configured.name().toLowerCase(Locale.ROOT));
            return configured;
        }
        DockerStatus docker = docker();
        if (docker.available()) {
            log.info("Test infrastructure: {} ({})", describe(InfrastructureMode.CONTAINERS), docker.description());
            return InfrastructureMode.CONTAINERS;
        }
        log.info("Docker is not reachable ({}): Testcontainers skipped, using embedded Kafka, MongoDB, Redis and GreenMail",
                docker.description());
        return InfrastructureMode.EMBEDDED;
    }

    private static String describe(InfrastructureMode mode) {
        return mode == InfrastructureMode.CONTAINERS
                ? "Testcontainers for Kafka, MongoDB and Redis, embedded GreenMail for SMTP"
                : "embedded Kafka, MongoDB, Redis and GreenMail";
    }
}
