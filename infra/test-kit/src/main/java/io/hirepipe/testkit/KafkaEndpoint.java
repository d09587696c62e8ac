package io.hirepipe.testkit;

/** @param bootstrapServers value for {@code bootstrap.servers}, e.g. {@code 127.0.0.1:40123} */
public record KafkaEndpoint(String bootstrapServers) {
}
