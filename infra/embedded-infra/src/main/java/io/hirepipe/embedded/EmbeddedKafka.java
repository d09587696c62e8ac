package io.hirepipe.embedded;

import java.util.Map;

import org.apache.kafka.common.network.ListenerName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Apache Kafka broker (combined broker and controller, KRaft mode) running in this JVM.
 *
 * <p>Clients connect to {@link #bootstrapServers()}, a listener bound to 127.0.0.1 that advertises the same
 * address, so other processes on this machine (services started as separate JVMs) can use it too. Topics are
 * created on first use with {@value #PARTITIONS_PER_TOPIC} partitions. Data lives in a temporary directory and
 * is deleted by {@link #close()}.
 *
 * <p>Kafka logs a lot at INFO. When Logback is the SLF4J backend, the Kafka loggers the application left
 * unconfigured are set to WARN at start; with Spring Boot (which re-initialises Logback) include
 * {@code io/hirepipe/embedded/quiet-infra-logback.xml} in {@code logback-test.xml}/{@code logback-spring.xml}.
 */
public final class EmbeddedKafka implements AutoCloseable {

    public static final int PARTITIONS_PER_TOPIC = 3;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    /**
     * The listener clients use. KafkaClusterTestKit (under EmbeddedKafkaKraftBroker) binds its own EXTERNAL and
     * CONTROLLER listeners to pre-opened random ports and ignores {@code kafkaPorts(..)}, so a fixed, loopback-only
     * port needs a listener of its own.
     */
    private static final String CLIENT_LISTENER = "LOCALHOST";

    /**
     * EmbeddedKafkaKraftBroker publishes its address as a system property, by default
     * {@code spring.kafka.bootstrap-servers}, which would silently override the configuration of every Spring
     * application in this JVM. Point it at a property nobody reads.
     */
    private static final String INTERNAL_BROKER_LIST_PROPERTY = "hirepipe.embedded.kafka.internal-brokers";

    private final EmbeddedKafkaKraftBroker broker;
    private final int port;

    private EmbeddedKafka(EmbeddedKafkaKraftBroker broker, int port) {
        this.broker = broker;
        this.port = port;
    }

    /**
     * Starts a single-node Kafka cluster.
     *
     * @param port the client port on 127.0.0.1, or 0 for any free port
     * @throws PortInUseException when the port is taken
     */
    public static EmbeddedKafka start(int port) {
        PortCheck.requireFree("Kafka", port);
        QuietInfraLogging.apply();
        long startedAt = System.nanoTime();

        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS_PER_TOPIC);
        broker.brokerListProperty(INTERNAL_BROKER_LIST_PROPERTY);
        broker.brokerProperties(brokerProperties(port));
        try {
            broker.afterPropertiesSet();
        } catch (RuntimeException failure) {
            destroyQuietly(broker);
            if (port != 0 && PortCheck.isBindFailure(failure)) {
                throw new PortInUseException("Kafka", port, failure);
            }
            throw new IllegalStateException("Embedded Kafka did not start: " + failure.getMessage(), failure);
        }

        int boundPort = clientPort(broker);
        log.info("Embedded Kafka started on 127.0.0.1:{} in {} ms", boundPort, (System.nanoTime() - startedAt) / 1_000_000);
        return new EmbeddedKafka(broker, boundPort);
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return PortCheck.LOOPBACK + ":" + port;
    }

    public String host() {
        return PortCheck.LOOPBACK;
    }

    public int port() {
        return port;
    }

    /** The underlying broker, for admin operations such as creating topics with a specific partition count. */
    public EmbeddedKafkaBroker broker() {
        return broker;
    }

    /**
     * Stops the broker (a fault, for the fault harness): clients lose their connection and the client port
     * closes; the controller and the log directories stay, so {@link #startBroker()} brings back every topic,
     * record and committed offset.
     */
    public synchronized void stopBroker() {
        kafka.server.BrokerServer server = brokerServer();
        server.shutdown();
        server.awaitShutdown();
        log.info("Embedded Kafka broker stopped (port {} closed)", port);
    }

    /** Starts the broker stopped by {@link #stopBroker()} again, on the same port; nothing if it runs. */
    public synchronized void startBroker() {
        brokerServer().startup();
        log.info("Embedded Kafka broker started again on 127.0.0.1:{}", port);
    }

    private kafka.server.BrokerServer brokerServer() {
        return broker.getCluster().brokers().values().iterator().next();
    }

    @Override
    public void close() {
        broker.destroy();
    }

    private static Map<String, String> brokerProperties(int port) {
        return Map.of(
                "listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0,"
                        + CLIENT_LISTENER + "://" + PortCheck.LOOPBACK + ":" + port,
                "listener.security.protocol.map",
                "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT," + CLIENT_LISTENER + ":PLAINTEXT",
                "auto.create.topics.enable", "true",
                // one broker: internal topics cannot have the default replication factor of 3
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                // the default 50 partitions of __consumer_offsets cost seconds on first use for no benefit here
                "offsets.topic.num.partitions", "5");
    }

    private static int clientPort(EmbeddedKafkaKraftBroker broker) {
        return broker.getCluster().brokers().values().iterator().next()
                .boundPort(ListenerName.normalised(CLIENT_LISTENER));
    }

    private static void destroyQuietly(EmbeddedKafkaKraftBroker broker) {
        try {
            broker.destroy();
        } catch (RuntimeException ignored) {
            // the start failure is the interesting one
        }
    }
}
