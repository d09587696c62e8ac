package io.hirepipe.localstack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules and the dashboard hang together without a running stack; ObservabilityIT checks them against one. */
class MonitoringQueriesTest {

    private static final Path REPO = Path.of(System.getProperty("hirepipe.repo-dir", "../.."));
    private final MonitoringQueries queries = MonitoringQueries.load(REPO);

    @Test
    void metricNamesAreTheSelectorsNotTheFunctionsLabelsOrKeywords() {
        assertThat(MonitoringQueries.metricNames(
                "1 - sum by (le) (rate(foo_seconds_bucket{outcome!=\"error\",le=\"0.2\"}[5m])) / on (job) bar_total offset 1h"
                        + " > 0.01 and slo:x:ratio_rate1h unless max without (instance) (baz) * 60"))
                .containsExactlyInAnyOrder("foo_seconds_bucket", "bar_total", "slo:x:ratio_rate1h", "baz");
        assertThat(MonitoringQueries.metricNames("histogram_quantile(0.99, sum by (le) (rate(lag_bucket[5m])))"))
                .containsExactly("lag_bucket");
    }

    @Test
    void everyRecordingRuleAQueryUsesIsDefined() {
        queries.expressions().forEach((where, expr) -> MonitoringQueries.metricNames(expr).stream()
                .filter(name -> name.contains(":"))
                .forEach(name -> assertThat(queries.recordingRules()).as(where).contains(name)));
    }

    @Test
    void everyAlertHasAPromtoolUnitTest() throws IOException {
        String tests;
        try (Stream<Path> files = Files.list(REPO.resolve("infra/prometheus/tests"))) {
            tests = files.map(MonitoringQueriesTest::read).collect(Collectors.joining("\n"));
        }
        assertThat(queries.alerts()).isNotEmpty()
                .allSatisfy(alert -> assertThat(tests).as(alert).contains("alertname: " + alert + "\n"));
    }

    @Test
    void theDashboardHasARowPerFlow() throws IOException {
        String dashboard = Files.readString(REPO.resolve("infra/grafana/dashboards/hirepipe-pipeline.json"));
        for (String row : new String[]{"Candidates", "Scoring", "Delivery", "Edge", "JVM"}) {
            assertThat(dashboard).contains("\"type\": \"row\",\n      \"title\": \"" + row + "\"");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
