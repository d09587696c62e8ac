package io.hirepipe.localstack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

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
    void labelMatchersAndGroupingLabelsAreReadFromTheSelectors() {
        String expr = "sum by (application, collection) (rate(foo_total{outcome=\"failed\", status=~\"5..\",le!=\"0.2\"}[5m]))"
                + " / on (job) max by (le) (bar{kind!~\"a|b\"}) and slo:x:ratio_rate1h";
        assertThat(MonitoringQueries.labelMatchers(expr)).containsExactly(
                new MonitoringQueries.LabelMatcher("foo_total", "outcome", "=", "failed"),
                new MonitoringQueries.LabelMatcher("foo_total", "status", "=~", "5.."),
                new MonitoringQueries.LabelMatcher("foo_total", "le", "!=", "0.2"),
                new MonitoringQueries.LabelMatcher("bar", "kind", "!~", "a|b"));
        assertThat(MonitoringQueries.groupingLabels(expr)).containsExactly("application", "collection", "le");
    }

    /** ObservabilityIT hands this the labels of a running stack; here, of the series the outbox rules select. */
    @Test
    void aLabelTheSeriesDoNotCarryIsReported() {
        MonitoringQueries outboxOnly = new MonitoringQueries(Map.of(
                "alert A", "max by (application, collection) (hirepipe_outbox_oldest_age_seconds) > 60",
                "alert B", "sum(increase(hirepipe_outbox_parked_total{collection=\"outbox\"}[15m])) > 0",
                "panel C", "sum by (topic) (hirepipe_outbox_pending{queue=~\".+\"}) and up{job=\"x\"}"), Set.of(), List.of());
        Map<String, Map<String, Set<String>>> exposed = Map.of(
                "hirepipe_outbox_oldest_age_seconds", Map.of("application", Set.of("a"), "collection", Set.of("outbox")),
                "hirepipe_outbox_parked_total", Map.of("application", Set.of("a"), "collection", Set.of("audit_outbox")),
                "hirepipe_outbox_pending", Map.of("application", Set.of("a"), "collection", Set.of("outbox")));

        assertThat(outboxOnly.wrongLabels(exposed, Set.of("up"))).containsOnly(
                entry("alert B", Set.of("hirepipe_outbox_parked_total{collection=\"outbox\"} is no series")),
                entry("panel C", Set.of("hirepipe_outbox_pending has no label queue",
                        "grouped by topic, on none of [hirepipe_outbox_pending]")));
        assertThat(queries.wrongLabels(Map.of(), Set.of("up"))).as("the real queries against no series at all").isNotEmpty();
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
