package io.hirepipe.testkit;

/**
 * @param available   whether Testcontainers can use a Docker engine
 * @param description where the engine is when available, why not otherwise
 */
record DockerStatus(boolean available, String description) {
}
