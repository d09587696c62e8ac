package io.hirepipe.testkit;

import org.testcontainers.junit.jupiter.Testcontainers;

/** Runs where a Docker engine is reachable; skipped, not failed, where it is not. */
@Testcontainers(disabledWithoutDocker = true)
@UsesInfrastructure(value = {Infra.KAFKA, Infra.MONGO, Infra.REDIS}, mode = InfrastructureMode.CONTAINERS)
class ContainersRoundTripTest extends InfrastructureRoundTripContract {
}
