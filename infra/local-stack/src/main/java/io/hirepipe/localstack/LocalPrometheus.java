package io.hirepipe.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./run-local.sh --with-prometheus}: Debian's Prometheus (the {@code prometheus} package),
 * scraping the local services every five seconds with the same rules as production
 * (infra/prometheus/rules), so alerts can be watched firing while load or faults are applied.
 * It is optional: the default start does not look for it.
 */
final class LocalPrometheus {

    static final String INSTALL_HINT = "install Debian's Prometheus with: sudo apt-get install prometheus";

    private LocalPrometheus() {
    }

    /** The {@code prometheus} executable on the PATH, if there is one. */
    static Optional<Path> findBinary(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "prometheus");
            if (!dir.isBlank() && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The scrape configuration: one job per service (named as in compose), the repository's rules. */
    static String configuration(Map<String, URI> metricsUrls, Path rulesDir) {
        StringBuilder yaml = new StringBuilder()
                .append("# Written by ./run-local.sh --with-prometheus at every start; edit infra/prometheus instead.\n")
                .append("global:\n  scrape_interval: 5s\n  evaluation_interval: 5s\n")
                .append("rule_files:\n  - ").append(quoted(rulesDir.toAbsolutePath().resolve("*.yml").toString())).append('\n')
                .append("scrape_configs:\n");
        metricsUrls.forEach((service, url) -> yaml
                .append("  - job_name: ").append(service).append('\n')
                .append("    metrics_path: ").append(url.getPath()).append('\n')
                .append("    static_configs:\n")
                .append("      - targets: [").append(quoted(url.getAuthority())).append("]\n"));
        return yaml.toString();
    }

    /** Writes the configuration under the data directory and starts Prometheus on its own port. */
    static ServiceProcess start(Path binary, LocalStack stack) {
        StackConfig config = stack.config();
        Path home = config.dataDir().resolve("prometheus");
        Path configFile = home.resolve("prometheus.yml");
        try {
            Files.createDirectories(home);
            Files.writeString(configFile, configuration(stack.metricsUrls(),
                    config.repoDir().resolve("infra/prometheus/rules")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + configFile, e);
        }
        int port = config.ports().prometheus();
        ServiceSpec spec = new ServiceSpec("prometheus", port, List.of(binary.toString(),
                "--config.file=" + configFile,
                "--storage.tsdb.path=" + home.resolve("data"),
                "--storage.tsdb.retention.time=2d",
                "--web.listen-address=127.0.0.1:" + port), Map.of(),
                "http://127.0.0.1:" + port + "/-/ready");
        return ServiceProcess.launch(spec, config.logsDir());
    }

    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
