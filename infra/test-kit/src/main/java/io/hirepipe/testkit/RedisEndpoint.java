package io.hirepipe.testkit;

public record RedisEndpoint(String host, int port) {
}
