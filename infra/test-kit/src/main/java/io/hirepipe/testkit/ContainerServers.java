package io.hirepipe.testkit;

import java.util.function.Supplier;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startable;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/** Testcontainers with the images production-like environments use. */
final class ContainerServers implements InfrastructureServers {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String MONGO_IMAGE = "mongo:7";
    static final String REDIS_IMAGE = "redis:7-alpine";

    private static final int REDIS_PORT = 6379;

    private final Lazy<KafkaContainer> kafka = Lazy.of(() -> start("Kafka container", () ->
            new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE))
                    // as many partitions as the embedded broker, so tests see the same topology either way
                    .withEnv("KAFKA_NUM_PARTITIONS", "3")));
    private final Lazy<MongoDBContainer> mongo = Lazy.of(() -> start("MongoDB container", () ->
            new MongoDBContainer(DockerImageName.parse(MONGO_IMAGE))));
    private final Lazy<GenericContainer<?>> redis = Lazy.of(() -> start("Redis container", () ->
            new GenericContainer<>(DockerImageName.parse(REDIS_IMAGE)).withExposedPorts(REDIS_PORT)));

    @Override
    public KafkaEndpoint kafka() {
        return new KafkaEndpoint(kafka.get().getBootstrapServers());
    }

    @Override
    public MongoEndpoint mongo() {
        return new MongoEndpoint(mongo.get().getConnectionString());
    }

    @Override
    public RedisEndpoint redis() {
        GenericContainer<?> container = redis.get();
        return new RedisEndpoint(container.getHost(), container.getMappedPort(REDIS_PORT));
    }

    private static <C extends Startable> C start(String name, Supplier<C> create) {
        DockerStatus docker = ModeSelection.docker();
        if (!docker.available()) {
            throw new IllegalStateException("Containers were requested for this test but Docker is not reachable ("
                    + docker.description() + "). Start Docker, or run with -D" + TestInfrastructure.MODE_PROPERTY
                    + "=embedded (or auto)");
        }
        C container = create.get();
        container.start();
        return JvmShutdown.closeOnExit(name, container);
    }
}
