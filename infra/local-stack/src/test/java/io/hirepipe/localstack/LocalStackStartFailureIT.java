package io.hirepipe.localstack;

import io.hirepipe.embedded.PortCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bad start ends with a message naming what failed, releases what it started, and never hangs. */
class LocalStackStartFailureIT {

    @TempDir
    Path dataDir;

    private StackConfig config() {
        Path repo = Path.of(System.getProperty("hirepipe.repo-dir", "../.."));
        return StackConfig.from(new String[0], Map.of(), repo)
                .withPorts(TestPorts.random())
                .withDataDir(dataDir)
                .withHealthTimeout(Duration.ofSeconds(8));
    }

    private static ServiceSpec staged(String name, String behaviour) {
        int port = PortCheck.freePort();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StagedService.class.getName(), behaviour);
        return new ServiceSpec(name, port, command, Map.of(), "http://127.0.0.1:" + port + "/actuator/health/readiness");
    }

    @Test
    void aTakenPortIsNamedAndNothingIsStarted() throws Exception {
        StackConfig config = config();
        int elsewhere = config.ports().kafka() <= 64_535 ? config.ports().kafka() + 1000 : config.ports().kafka() - 1000;
        try (ServerSocket squatter = new ServerSocket(config.ports().kafka(), 50, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> LocalStack.start(config, List.of(staged("question-service", "hang")), s -> { }))
                    .isInstanceOf(StackStartException.class)
                    .hasMessageContaining("Kafka port " + config.ports().kafka())
                    // the option that moves the port taken, to a port other than the one taken
                    .hasMessageContaining("--kafka-port=" + elsewhere)
                    .hasMessageContaining("HIREPIPE_KAFKA_PORT=" + elsewhere);
        }
        PortCheck.requireFree("MongoDB", config.ports().mongo());
    }

    @Test
    void aServiceThatCrashesIsNamedWithItsLog() {
        StackConfig config = config();

        assertThatThrownBy(() -> LocalStack.start(config, List.of(staged("scoring-service", "crash")), s -> { }))
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("scoring-service exited with code 3")
                .hasMessageContaining("staged crash for the test");

        PortCheck.requireFree("Kafka", config.ports().kafka());
        PortCheck.requireFree("MongoDB", config.ports().mongo());
        PortCheck.requireFree("SMTP sink", config.ports().smtp());
    }

    @Test
    void aServiceThatNeverBecomesHealthyIsNamedWithinTheTimeLimit() {
        StackConfig config = config();
        long started = System.nanoTime();

        assertThatThrownBy(() -> LocalStack.start(config, List.of(staged("notification-service", "hang")), s -> { }))
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("notification-service did not pass the health check")
                .hasMessageContaining("within 8 s")
                .hasMessageContaining("staged service waiting forever");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("it gives up instead of hanging")
                .isLessThan(Duration.ofSeconds(90));
        PortCheck.requireFree("Kafka", config.ports().kafka());
    }

    @Test
    void aMissingJarSaysHowToBuildIt() {
        StackConfig config = config();
        ServiceSpec unbuilt = new ServiceSpec("gateway", PortCheck.freePort(),
                List.of("java", "-jar", dataDir.resolve("no-such.jar").toString()), Map.of(), "http://127.0.0.1:1/");

        assertThatThrownBy(() -> LocalStack.start(config, List.of(unbuilt), s -> { }))
                .hasMessageContaining("gateway is not built")
                .hasMessageContaining("./mvnw -DskipTests package");
    }
}
