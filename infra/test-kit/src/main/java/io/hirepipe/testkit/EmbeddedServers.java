package io.hirepipe.testkit;

import io.hirepipe.embedded.EmbeddedKafka;
import io.hirepipe.embedded.EmbeddedMongo;
import io.hirepipe.embedded.EmbeddedRedis;

/** In-process servers on random loopback ports; MongoDB keeps data in memory. */
final class EmbeddedServers implements InfrastructureServers {

    private final Lazy<EmbeddedKafka> kafka =
            Lazy.of(() -> JvmShutdown.closeOnExit("embedded Kafka", EmbeddedKafka.start(0)));
    private final Lazy<EmbeddedMongo> mongo =
            Lazy.of(() -> JvmShutdown.closeOnExit("embedded MongoDB", EmbeddedMongo.start(0, null)));
    private final Lazy<EmbeddedRedis> redis =
            Lazy.of(() -> JvmShutdown.closeOnExit("embedded Redis", EmbeddedRedis.start(0)));

    @Override
    public KafkaEndpoint kafka() {
        return new KafkaEndpoint(kafka.get().bootstrapServers());
    }

    @Override
    public MongoEndpoint mongo() {
        return new MongoEndpoint(mongo.get().connectionString());
    }

    @Override
    public RedisEndpoint redis() {
        EmbeddedRedis server = redis.get();
        return new RedisEndpoint(server.host(), server.port());
    }
}
