package io.hirepipe.deploychecks;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional {@code infra/k8s/monitoring} kustomization ships exactly the alerting and the dashboard
 * that are checked elsewhere: its PrometheusRules hold the groups of infra/prometheus/rules unchanged
 * (which {@code promtool check/test rules} in CI verify) and its dashboard ConfigMap the dashboards of
 * infra/grafana unchanged (whose every query infra/local-stack's MonitoringQueriesTest checks against the
 * metrics a running stack exports). So a drift between the copies is what this test catches.
 */
class MonitoringResourcesTest {

    private static final Pattern RECORDED_NAME = Pattern.compile("\\b[a-zA-Z_][a-zA-Z0-9_]*:[a-zA-Z0-9_:]+");
    private static final Pattern NOT_NAMES = Pattern.compile("\\{[^}]*}|\\[[^]]*]|\"[^\"]*\"");

    private static List<Map<String, Object>> rendered;

    @BeforeAll
    static void render() {
        Kustomize.requireKubectl();
        rendered = Kustomize.render(Repo.path("infra/k8s/monitoring"));
    }

    @Test
    void everyRulesFileIsOnePrometheusRuleWithTheSameGroups() {
        List<String> ruleFiles = files("infra/prometheus/rules", ".yml");
        List<Map<String, Object>> prometheusRules = ofKind("PrometheusRule");

        assertThat(prometheusRules).hasSameSizeAs(ruleFiles);
        for (String file : ruleFiles) {
            String name = Path.of(file).getFileName().toString().replaceAll("(\\.rules)?\\.yml$", "");
            Map<String, Object> rule = prometheusRules.stream().filter(r -> name.equals(Manifests.name(r))).findFirst()
                    .orElseThrow(() -> new AssertionError("no PrometheusRule " + name + " for " + file));
            assertThat(Yamls.text(rule, "apiVersion")).isEqualTo("monitoring.coreos.com/v1");
            assertThat(Yamls.at(rule, "spec", "groups"))
                    .as("PrometheusRule %s: the groups of %s (run infra/k8s/monitoring/generate.sh)", name, file)
                    .isEqualTo(Yamls.at(Yamls.document(Repo.read(file)), "groups"));
        }
    }

    @Test
    void theDashboardConfigMapHoldsEveryDashboardUnchangedForTheGrafanaSidecar() {
        List<Map<String, Object>> configMaps = ofKind("ConfigMap");
        assertThat(configMaps).hasSize(1);
        Map<String, Object> configMap = configMaps.get(0);
        assertThat(Yamls.text(configMap, "metadata", "labels", "grafana_dashboard")).isEqualTo("1");
        Map<String, Object> data = Yamls.mapAt(configMap, "data");

        List<String> dashboards = files("infra/grafana/dashboards", ".json");
        assertThat(data.keySet()).containsExactlyInAnyOrderElementsOf(
                dashboards.stream().map(path -> Path.of(path).getFileName().toString()).toList());
        for (String dashboard : dashboards) {
            // JSON is YAML: parsed, so formatting aside it must be the same dashboard
            Map<String, Object> shipped = Yamls.document(String.valueOf(data.get(Path.of(dashboard).getFileName().toString())));
            assertThat(shipped).as("%s (run infra/k8s/monitoring/generate.sh)", dashboard)
                    .isEqualTo(Yamls.document(Repo.read(dashboard)));
            assertThat(expressions(shipped)).as("queries of %s", dashboard).isNotEmpty().allSatisfy(expr ->
                    assertThat(expr).isNotBlank());
        }
    }

    @Test
    void everyRecordedSeriesTheDashboardShowsIsRecordedByTheShippedRules() {
        Set<String> recorded = ofKind("PrometheusRule").stream()
                .flatMap(rule -> Yamls.mapsAt(rule, "spec", "groups").stream())
                .flatMap(group -> Yamls.mapsAt(group, "rules").stream())
                .map(rule -> Yamls.text(rule, "record")).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Map<String, Object> data = Yamls.mapAt(ofKind("ConfigMap").get(0), "data");
        Set<String> used = new TreeSet<>();
        for (Object json : data.values()) {
            for (String expr : expressions(Yamls.document(String.valueOf(json)))) {
                Matcher name = RECORDED_NAME.matcher(NOT_NAMES.matcher(expr).replaceAll(" "));
                while (name.find()) {
                    used.add(name.group());
                }
            }
        }
        assertThat(used).as("recording rules the dashboard reads").isSubsetOf(recorded);
    }

    /**
     * The rules are only as good as the scrape: every Deployment of every overlay is scraped by exactly one
     * PodMonitor, on the port and path infra/prometheus/prometheus.yml scrapes it at in compose, under the same
     * job name, so the rules' job matchers (ServiceDown) hold on both.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void prometheusScrapesEveryDeploymentWhereComposeDoes(String overlay) {
        Map<String, Map<String, Object>> composeJobs = new java.util.HashMap<>();
        Yamls.mapsAt(Yamls.document(Repo.read("infra/prometheus/prometheus.yml")), "scrape_configs")
                .forEach(job -> composeJobs.put(Yamls.text(job, "job_name"), job));
        Manifests m = new Manifests(Kustomize.render(Repo.path("infra/k8s/overlays/" + overlay)));
        List<Map<String, Object>> podMonitors = ofKind("PodMonitor");
        assertThat(m.ofKind("Deployment")).isNotEmpty().allSatisfy(deployment -> {
            String name = Manifests.name(deployment);
            String namespace = Yamls.text(deployment, "metadata", "namespace");
            Manifests.Pod pod = m.podOf(deployment);
            List<Map<String, Object>> scraping = podMonitors.stream()
                    .filter(monitor -> Yamls.list(Yamls.at(monitor, "spec", "namespaceSelector", "matchNames")).contains(namespace))
                    .filter(monitor -> Manifests.selects(Yamls.mapAt(monitor, "spec", "selector"), pod.labels()))
                    .toList();
            assertThat(scraping).as("PodMonitors scraping %s in %s", name, namespace).hasSize(1);
            Map<String, Object> monitor = scraping.get(0);
            assertThat(Yamls.text(pod.labels(), Yamls.text(monitor, "spec", "jobLabel"))).as(name + " job").isEqualTo(name);

            Map<String, Object> composeJob = composeJobs.get(name);
            assertThat(composeJob).as("prometheus.yml job " + name).isNotNull();
            String target = String.valueOf(Yamls.list(Yamls.at(Yamls.mapsAt(composeJob, "static_configs").get(0), "targets")).get(0));
            List<Map<String, Object>> endpoints = Yamls.mapsAt(monitor, "spec", "podMetricsEndpoints");
            assertThat(endpoints).as(name + " endpoints").hasSize(1);
            String portName = Yamls.text(endpoints.get(0), "port");
            Object containerPort = pod.containers().stream().flatMap(c -> Yamls.mapsAt(c, "ports").stream())
                    .filter(port -> portName.equals(Yamls.text(port, "name")))
                    .map(port -> Yamls.at(port, "containerPort")).findFirst().orElse(null);
            assertThat(name + ":" + containerPort).as(name + " scraped on port " + portName).isEqualTo(target);
            assertThat(Yamls.text(endpoints.get(0), "path")).isEqualTo(Yamls.text(composeJob, "metrics_path"));
        });
    }

    @Test
    void theResourcesGoToTheMonitoringNamespace() {
        assertThat(rendered).isNotEmpty().allSatisfy(object ->
                assertThat(Yamls.text(object, "metadata", "namespace")).isEqualTo("monitoring"));
    }

    /** The base and its overlays stay usable on a cluster without the Prometheus Operator's CRDs. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theOverlaysNeedNoMonitoringCrds(String overlay) {
        assertThat(Kustomize.render(Repo.path("infra/k8s/overlays/" + overlay)))
                .noneMatch(object -> String.valueOf(object.get("apiVersion")).startsWith("monitoring.coreos.com/"));
    }

    private static List<String> expressions(Map<String, Object> dashboard) {
        return Yamls.mapsAt(dashboard, "panels").stream()
                .flatMap(panel -> Yamls.mapsAt(panel, "targets").stream())
                .map(target -> Yamls.text(target, "expr")).filter(java.util.Objects::nonNull).toList();
    }

    private static List<Map<String, Object>> ofKind(String kind) {
        return rendered.stream().filter(object -> kind.equals(object.get("kind"))).toList();
    }

    /** The files of a repository folder, sorted, as paths relative to the repository (for {@link Repo#read}). */
    private static List<String> files(String dir, String suffix) {
        String[] names = Repo.path(dir).toFile().list((folder, name) -> name.endsWith(suffix));
        return names == null ? List.of() : Stream.of(names).sorted().map(name -> dir + "/" + name).toList();
    }
}
