package io.hirepipe.testkit;

import io.hirepipe.embedded.SmtpSink;

/**
 * Kafka, MongoDB, Redis and SMTP for integration tests, the same way whether they run as containers or
 * in-process. Each server starts on first request, at most once per JVM (so all test classes of a Surefire or
 * Failsafe fork share it), and stops when the JVM exits.
 *
 * <p>Spring tests normally use {@link UsesInfrastructure} instead; this is for plain tests and for reading mail:
 * <pre>{@code
 * ReceivedMail mail = TestInfrastructure.smtp().awaitMessage(m -> m.isAddressedTo("ada@example.org"), Duration.ofSeconds(10));
 * }</pre>
 *
 * <p>The mode comes from the system property {@value #MODE_PROPERTY} or the environment variable
 * {@value #MODE_ENVIRONMENT_VARIABLE}: {@code auto} (default: containers when Docker is reachable),
 * {@code containers} or {@code embedded}.
 */
public final class TestInfrastructure {

    public static final String MODE_PROPERTY = "hirepipe.test.infrastructure";
    public static final String MODE_ENVIRONMENT_VARIABLE = "HIREPIPE_TEST_INFRASTRUCTURE";

    /**
     * The service-to-service secret (tokens naming a service only), set as
     * {@code hirepipe.security.internal-token.secret} in every test context. Long enough for HMAC-SHA256 (at least
     * 32 bytes). Tokens naming people come from the gateway's key: see {@link TestGatewayKeys}. Test-only: it is public.
     */
    public static final String INTERNAL_TOKEN_SECRET = "hirepipe-test-only-internal-token-secret-do-not-use-elsewhere";

    private static final InfrastructureServers EMBEDDED = new EmbeddedServers();
    private static final InfrastructureServers CONTAINERS = new ContainerServers();
    private static final Lazy<SmtpSink> SMTP =
            Lazy.of(() -> JvmShutdown.closeOnExit("SMTP sink", SmtpSink.start(0, null)));

    private TestInfrastructure() {
    }

    /** The mode of this JVM: {@link InfrastructureMode#CONTAINERS} or {@link InfrastructureMode#EMBEDDED}, never AUTO. */
    public static InfrastructureMode mode() {
        return ModeSelection.jvmMode();
    }

    public static KafkaEndpoint kafka() {
        return kafka(InfrastructureMode.AUTO);
    }

    /** Kafka from the given source; {@link InfrastructureMode#AUTO} means this JVM's {@link #mode()}. */
    public static KafkaEndpoint kafka(InfrastructureMode mode) {
        return servers(mode).kafka();
    }

    public static MongoEndpoint mongo() {
        return mongo(InfrastructureMode.AUTO);
    }

    /** MongoDB from the given source; {@link InfrastructureMode#AUTO} means this JVM's {@link #mode()}. */
    public static MongoEndpoint mongo(InfrastructureMode mode) {
        return servers(mode).mongo();
    }

    public static RedisEndpoint redis() {
        return redis(InfrastructureMode.AUTO);
    }

    /** Redis from the given source; {@link InfrastructureMode#AUTO} means this JVM's {@link #mode()}. */
    public static RedisEndpoint redis(InfrastructureMode mode) {
        return servers(mode).redis();
    }

    /**
     * The SMTP server every mode uses, for waiting for and reading mail. It is shared by all tests in the JVM:
     * wait for your own message ({@link SmtpSink#awaitMessage}) rather than counting messages.
     */
    public static SmtpSink smtp() {
        return SMTP.get();
    }

    private static InfrastructureServers servers(InfrastructureMode mode) {
        return ModeSelection.resolve(mode) == InfrastructureMode.CONTAINERS ? CONTAINERS : EMBEDDED;
    }
}
