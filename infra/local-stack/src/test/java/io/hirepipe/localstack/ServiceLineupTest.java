package io.hirepipe.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceLineupTest {

    @TempDir
    Path dataDir;

    private List<ServiceSpec> specs(String... args) {
        StackConfig config = StackConfig.from(args, Map.of(), dataDir).withDataDir(dataDir);
        return ServiceLineup.specs(config, StackSecrets.loadOrCreate(dataDir));
    }

    private static ServiceSpec named(List<ServiceSpec> specs, String name) {
        return specs.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void oneInstanceEachIsCalledDirectlyByTheGatewayAsBefore() {
        List<ServiceSpec> specs = specs();

        assertThat(specs).extracting(ServiceSpec::name).containsExactly(
                "question-service", "assessment-service", "scoring-service", "notification-service", "gateway");
        assertThat(named(specs, "gateway").command())
                .contains("--hirepipe.gateway.services.scoring-service=http://127.0.0.1:8083")
                .noneMatch(argument -> argument.contains("lb://") || argument.contains("discovery"));
    }

    @Test
    void twoInstancesRunOnTheirOwnPortsWithTheSameSecretsBehindALoadBalancedGateway() {
        List<ServiceSpec> specs = specs("--instances=2");

        assertThat(specs).extracting(ServiceSpec::name).containsExactly(
                "question-service", "question-service-2", "assessment-service", "assessment-service-2",
                "scoring-service", "scoring-service-2", "notification-service", "notification-service-2", "gateway");
        ServiceSpec second = named(specs, "scoring-service-2");
        assertThat(second.port()).isEqualTo(8093);
        assertThat(second.command()).contains("--server.port=8093")
                .anyMatch(argument -> argument.endsWith("scoring-service.jar"));
        assertThat(second.environment()).isEqualTo(named(specs, "scoring-service").environment());
        assertThat(named(specs, "assessment-service-2").command())
                .contains("--hirepipe.services.question-service.url=http://127.0.0.1:8091");
        assertThat(named(specs, "gateway").command()).contains(
                "--hirepipe.gateway.services.scoring-service=lb://scoring-service",
                "--spring.cloud.discovery.client.simple.instances.scoring-service[0].uri=http://127.0.0.1:8083",
                "--spring.cloud.discovery.client.simple.instances.scoring-service[1].uri=http://127.0.0.1:8093");
    }

    @Test
    void theGatewaysOwnJvmOptionsFollowTheServicesOptionsInItsCommandAlone() {
        List<ServiceSpec> specs = specs("--service-jvm-options=-Xmx384m -XX:+UseSerialGC",
                "--gateway-jvm-options=-Xmn256m -XX:+UseParallelGC");

        List<String> gateway = named(specs, "gateway").command();
        assertThat(gateway.subList(1, gateway.indexOf("-jar")))
                .containsExactly("-Xmx384m", "-XX:+UseSerialGC", "-Xmn256m", "-XX:+UseParallelGC");
        assertThat(specs).filteredOn(spec -> !spec.name().equals("gateway"))
                .allSatisfy(spec -> assertThat(spec.command().subList(1, spec.command().indexOf("-jar")))
                        .containsExactly("-Xmx384m", "-XX:+UseSerialGC"));
        assertThat(named(specs(), "gateway").command()).noneMatch(argument -> argument.startsWith("-Xmn"));
    }
}
