package io.hirepipe.perf;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class StackOptionsTest {

    private static final Path REPO = Path.of("/repo");

    @Test
    void theGatewaysOwnOptionsReachTheStackAsOneArgument() {
        var options = PerfRun.stackOptions(REPO, REPO.resolve("target/perf"), "-Xmx512m -XX:+UseSerialGC",
                " -Xms320m -Xmn256m ", "-Xmx768m", 1);

        assertThat(options.extraOptions())
                .containsExactly("--gateway-profiles=perf", "--gateway-jvm-options=-Xms320m -Xmn256m");
        assertThat(options.serviceJvmOptions()).isEqualTo("-Xmx512m -XX:+UseSerialGC");
    }

    @Test
    void withoutThemTheGatewayRunsOnTheServicesOptions() {
        var options = PerfRun.stackOptions(REPO, REPO.resolve("target/perf"), "-Xmx512m", "", "-Xmx768m", 2);

        assertThat(options.extraOptions()).containsExactly("--gateway-profiles=perf");
        assertThat(options.instances()).isEqualTo(2);
    }
}
