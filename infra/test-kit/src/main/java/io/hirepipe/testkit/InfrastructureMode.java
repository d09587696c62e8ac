package io.hirepipe.testkit;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where Kafka, MongoDB and Redis come from. SMTP is the embedded GreenMail sink in every mode. */
public enum InfrastructureMode {

    /** Containers when a Docker engine is reachable, embedded servers otherwise. Never the answer of {@link TestInfrastructure#mode()}. */
    AUTO,
    /** Testcontainers with the real images: mongo:7, apache/kafka:4.1.1, redis:7-alpine. */
    CONTAINERS,
    /** In-process servers from hirepipe-embedded-infra (MongoDB-compatible mongo-java-server in memory). */
    EMBEDDED;

    /**
     * Parses a configured value, ignoring case and surrounding blanks.
     *
     * @param source where the value came from, for the error message
     */
    static InfrastructureMode parse(String value, String source) {
        String normalized = value.strip().toUpperCase(Locale.ROOT);
        for (InfrastructureMode mode : values()) {
            if (mode.name().equals(normalized)) {
                return mode;
            }
        }
        throw new IllegalArgumentException(source + " is '" + value + "' but must be one of "
                + Arrays.stream(values()).map(mode -> mode.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")));
    }
}
