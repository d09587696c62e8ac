package io.hirepipe.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What {@code --with-prometheus} writes and runs, without starting the stack. */
class LocalPrometheusTest {

    private static final Path REPO = Path.of(System.getProperty("hirepipe.repo-dir", "../..")).toAbsolutePath().normalize();

    private static Map<String, URI> urls() {
        Map<String, URI> urls = new LinkedHashMap<>();
        urls.put("gateway", URI.create("http://127.0.0.1:9180/actuator/prometheus"));
        urls.put("scoring-service", URI.create("http://127.0.0.1:8083/actuator/prometheus"));
        return urls;
    }

    @Test
    void scrapesEachServiceAsAJobOfItsNameWithTheRepositorysRules() {
        String config = LocalPrometheus.configuration(urls(), REPO.resolve("infra/prometheus/rules"));

        assertThat(config).contains("- job_name: gateway\n    metrics_path: /actuator/prometheus\n"
                        + "    static_configs:\n      - targets: ['127.0.0.1:9180']")
                .contains("- job_name: scoring-service")
                .contains("'127.0.0.1:8083'")
                .contains("rule_files:\n  - '" + REPO.resolve("infra/prometheus/rules") + File.separator + "*.yml'");
    }

    @Test
    void promtoolAcceptsTheConfigurationAndLoadsTheRules(@TempDir Path dir) throws Exception {
        assumeTrue(LocalPrometheus.findBinary(System.getenv("PATH")).isPresent(), "Debian's prometheus is not installed");
        Path file = dir.resolve("prometheus.yml");
        Files.writeString(file, LocalPrometheus.configuration(urls(), REPO.resolve("infra/prometheus/rules")));

        Process check = new ProcessBuilder("promtool", "check", "config", file.toString()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes());
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(output).isZero();
        assertThat(output).contains("hirepipe-alerts.rules.yml").contains("hirepipe-slo.rules.yml");
    }

    @Test
    void findsTheExecutableOnThePathAndNothingElse(@TempDir Path dir) throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path executable = Files.writeString(bin.resolve("prometheus"), "#!/bin/sh\n");
        assertThat(executable.toFile().setExecutable(true)).isTrue();

        assertThat(LocalPrometheus.findBinary(empty + File.pathSeparator + bin)).contains(executable);
        assertThat(LocalPrometheus.findBinary(empty.toString())).isEmpty();
        assertThat(LocalPrometheus.findBinary(null)).isEmpty();
    }
}
