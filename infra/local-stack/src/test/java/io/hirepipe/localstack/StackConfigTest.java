package io.hirepipe.localstack;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackConfigTest {

    private static final Path REPO = Path.of("/repo");

    @Test
    void defaultsAreTheDocumentedPorts() {
        StackConfig config = StackConfig.from(new String[0], Map.of(), REPO);

        assertThat(config.ports().gateway()).isEqualTo(8080);
        assertThat(config.ports().kafka()).isEqualTo(9092);
        assertThat(config.ports().mail()).isEqualTo(8025);
        assertThat(config.dataDir()).isEqualTo(Path.of("/repo/.hirepipe/local"));
        assertThat(config.seedDemo()).isTrue();
        assertThat(config.classDataSharing()).isTrue();
    }

    @Test
    void classDataSharingCanBeTurnedOff() {
        assertThat(StackConfig.from(new String[]{"--class-data-sharing=false"}, Map.of(), REPO).classDataSharing()).isFalse();
        assertThat(StackConfig.from(new String[0], Map.of("HIREPIPE_CLASS_DATA_SHARING", "false"), REPO)
                .classDataSharing()).isFalse();
    }

    @Test
    void optionsOverrideTheEnvironmentWhichOverridesDefaults() {
        StackConfig config = StackConfig.from(new String[]{"--gateway-port=9080"},
                Map.of("HIREPIPE_GATEWAY_PORT", "7080", "HIREPIPE_KAFKA_PORT", "19092"), REPO);

        assertThat(config.ports().gateway()).isEqualTo(9080);
        assertThat(config.ports().kafka()).isEqualTo(19092);
    }

    @Test
    void badOptionsAreExplained() {
        assertThatThrownBy(() -> StackConfig.from(new String[]{"--gateway-port=http"}, Map.of(), REPO))
                .hasMessageContaining("--gateway-port must be a whole number");
        assertThatThrownBy(() -> StackConfig.from(new String[]{"--kafka-port=70000"}, Map.of(), REPO))
                .hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> StackConfig.from(new String[]{"--gatway-port=1"}, Map.of(), REPO))
                .hasMessageContaining("Unknown option --gatway-port").hasMessageContaining("gateway-port");
        assertThatThrownBy(() -> StackConfig.from(new String[]{"up"}, Map.of(), REPO))
                .hasMessageContaining("--name=value");
        assertThatThrownBy(() -> StackConfig.from(new String[]{"--gateway-management-port=8080"}, Map.of(), REPO))
                .hasMessageContaining("--gateway-port and --gateway-management-port are both 8080");
    }

    @Test
    void theGatewayRunsAProfileOnlyWhenOneIsAskedFor(@org.junit.jupiter.api.io.TempDir Path dataDir) {
        StackSecrets secrets = StackSecrets.loadOrCreate(dataDir);

        assertThat(gatewayCommand(StackConfig.from(new String[]{"--gateway-profiles=perf"}, Map.of(), REPO), secrets))
                .contains("--spring.profiles.active=perf");
        assertThat(gatewayCommand(StackConfig.from(new String[0], Map.of(), REPO), secrets))
                .noneMatch(argument -> argument.startsWith("--spring.profiles.active"));
    }

    private static java.util.List<String> gatewayCommand(StackConfig config, StackSecrets secrets) {
        return ServiceLineup.specs(config, secrets).stream().filter(spec -> spec.name().equals("gateway"))
                .findFirst().orElseThrow().command();
    }

    @Test
    void instancesAndTheFaultControlAreOffByDefaultAndReadAsOptionsWithOrWithoutEquals() {
        StackConfig defaults = StackConfig.from(new String[0], Map.of(), REPO);
        assertThat(defaults.instances()).isEqualTo(1);
        assertThat(defaults.controlPort()).isZero();

        StackConfig two = StackConfig.from(new String[]{"--instances", "2", "--control-port=18099"}, Map.of(), REPO);
        assertThat(two.instances()).isEqualTo(2);
        assertThat(two.controlPort()).isEqualTo(18099);

        assertThatThrownBy(() -> StackConfig.from(new String[]{"--instances=9"}, Map.of(), REPO))
                .hasMessageContaining("--instances must be between 1 and 4");
        assertThatThrownBy(() -> StackConfig.from(new String[]{"--control-port=70000"}, Map.of(), REPO))
                .hasMessageContaining("between 1 and 65535");
    }

    @Test
    void theSlowMongoOperationLogIsOffByDefaultAndTakesMillisecondsFromAnOptionOrTheEnvironment() {
        assertThat(StackConfig.from(new String[0], Map.of(), REPO).mongoSlowOperations()).isZero();
        assertThat(StackConfig.from(new String[]{"--mongo-slow-ms=50"}, Map.of(), REPO).mongoSlowOperations())
                .isEqualTo(Duration.ofMillis(50));
        assertThat(StackConfig.from(new String[0], Map.of("HIREPIPE_MONGO_SLOW_MS", "200"), REPO).mongoSlowOperations())
                .isEqualTo(Duration.ofMillis(200));
        assertThatThrownBy(() -> StackConfig.from(new String[]{"--mongo-slow-ms=-1"}, Map.of(), REPO))
                .hasMessageContaining("--mongo-slow-ms must be between 0");
    }
}
