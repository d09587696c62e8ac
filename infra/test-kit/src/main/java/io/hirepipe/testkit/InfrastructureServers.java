package io.hirepipe.testkit;

/** Kafka, MongoDB and Redis from one source, each started on first request and shared by the whole JVM. */
interface InfrastructureServers {

    KafkaEndpoint kafka();

    MongoEndpoint mongo();

    RedisEndpoint redis();
}
