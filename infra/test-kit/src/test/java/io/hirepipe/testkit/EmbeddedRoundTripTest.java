package io.hirepipe.testkit;

@UsesInfrastructure(value = {Infra.KAFKA, Infra.MONGO, Infra.REDIS}, mode = InfrastructureMode.EMBEDDED)
class EmbeddedRoundTripTest extends InfrastructureRoundTripContract {
}
