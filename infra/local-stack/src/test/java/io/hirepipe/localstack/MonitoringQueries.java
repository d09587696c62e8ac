package io.hirepipe.localstack;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The PromQL the operators rely on: every expression of the Prometheus rules (infra/prometheus/rules)
 * and of the Grafana dashboards (infra/grafana/dashboards), and the metric names each refers to.
 * A name with a colon is a recording rule's; every other name must be scraped from a service.
 */
final class MonitoringQueries {

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan");
    /** Label matchers, range selectors, strings and grouping clauses hold names that are not metrics. */
    private static final Pattern NOT_METRICS = Pattern.compile(
            "\\{[^}]*}|\\[[^]]*]|\"[^\"]*\"|\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?");
    /** A selector with label matchers, and each matcher in it ({@code label op "value"}). */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{([^}]*)}");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern GROUPING = Pattern.compile("\\bby\\s*\\(([^)]*)\\)");

    /** Expressions by where they come from ("rules/x.yml: alert Foo", "dashboard x.json: panel title"). */
    private final Map<String, String> expressions;
    private final Set<String> recorded;
    private final List<String> alerts;

    MonitoringQueries(Map<String, String> expressions, Set<String> recorded, List<String> alerts) {
        this.expressions = expressions;
        this.recorded = recorded;
        this.alerts = alerts;
    }

    static MonitoringQueries load(Path repo) {
        Map<String, String> expressions = new LinkedHashMap<>();
        Set<String> recorded = new TreeSet<>();
        List<String> alerts = new ArrayList<>();
        for (Path file : files(repo.resolve("infra/prometheus/rules"), ".yml")) {
            Map<String, Object> document = new Yaml().load(read(file));
            for (Object group : list(document.get("groups"))) {
                for (Object ruleObject : list(((Map<?, ?>) group).get("rules"))) {
                    Map<?, ?> rule = (Map<?, ?>) ruleObject;
                    String name = rule.get("record") != null ? "record " + rule.get("record") : "alert " + rule.get("alert");
                    if (rule.get("record") != null) {
                        recorded.add(String.valueOf(rule.get("record")));
                    } else {
                        alerts.add(String.valueOf(rule.get("alert")));
                    }
                    expressions.put(file.getFileName() + ": " + name, String.valueOf(rule.get("expr")));
                }
            }
        }
        for (Path file : files(repo.resolve("infra/grafana/dashboards"), ".json")) {
            // JSON is YAML: one parser for both
            Map<String, Object> dashboard = new Yaml().load(read(file));
            for (Object panelObject : list(dashboard.get("panels"))) {
                Map<?, ?> panel = (Map<?, ?>) panelObject;
                for (Object target : list(panel.get("targets"))) {
                    Object expr = ((Map<?, ?>) target).get("expr");
                    expressions.put(file.getFileName() + ": " + panel.get("title") + " " + ((Map<?, ?>) target).get("refId"),
                            String.valueOf(expr));
                }
            }
        }
        return new MonitoringQueries(expressions, recorded, alerts);
    }

    Map<String, String> expressions() {
        return expressions;
    }

    Set<String> recordingRules() {
        return recorded;
    }

    List<String> alerts() {
        return alerts;
    }

    /** The metric names one expression selects (functions, keywords, labels and numbers left out). */
    static Set<String> metricNames(String promQl) {
        String selectors = NOT_METRICS.matcher(promQl).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(selectors);
        while (identifier.find()) {
            boolean function = identifier.group(1) != null;
            String name = identifier.group().replaceAll("[\\s(]", "");
            if (!function && !KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))
                    && (identifier.start() == 0 || !Character.isDigit(selectors.charAt(identifier.start() - 1)))) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * What the queries ask of labels that the exposed series ({@code metric -> label -> values}) do not have, by
     * where the query comes from: a matched label no series of the metric carries, an exact match no series has,
     * a grouping label none of the selected metrics carries. Recorded series and {@code fromPrometheus} are skipped.
     */
    Map<String, Set<String>> wrongLabels(Map<String, Map<String, Set<String>>> exposed, Set<String> fromPrometheus) {
        Map<String, Set<String>> wrong = new LinkedHashMap<>();
        expressions.forEach((where, expr) -> {
            for (LabelMatcher matcher : labelMatchers(expr)) {
                if (matcher.metric().contains(":") || fromPrometheus.contains(matcher.metric())) {
                    continue;
                }
                Set<String> values = exposed.getOrDefault(matcher.metric(), Map.of()).get(matcher.label());
                if (values == null) {
                    wrong.computeIfAbsent(where, w -> new TreeSet<>()).add(matcher.metric() + " has no label " + matcher.label());
                } else if ("=".equals(matcher.operator()) && !values.contains(matcher.value())) {
                    wrong.computeIfAbsent(where, w -> new TreeSet<>())
                            .add(matcher.metric() + "{" + matcher.label() + "=\"" + matcher.value() + "\"} is no series");
                }
            }
            Set<String> selected = new TreeSet<>(metricNames(expr));
            selected.removeIf(name -> name.contains(":") || fromPrometheus.contains(name));
            for (String label : groupingLabels(expr)) {
                if (!selected.isEmpty() && selected.stream().noneMatch(name ->
                        exposed.getOrDefault(name, Map.of()).containsKey(label))) {
                    wrong.computeIfAbsent(where, w -> new TreeSet<>()).add("grouped by " + label + ", on none of " + selected);
                }
            }
        });
        return wrong;
    }

    /** One label matcher of a selector: {@code metric{label op "value"}}. */
    record LabelMatcher(String metric, String label, String operator, String value) {
    }


    /** The label matchers of every selector in one expression. */
    static List<LabelMatcher> labelMatchers(String promQl) {
        List<LabelMatcher> matchers = new ArrayList<>();
        Matcher selector = SELECTOR.matcher(promQl);
        while (selector.find()) {
            Matcher matcher = MATCHER.matcher(selector.group(2));
            while (matcher.find()) {
                matchers.add(new LabelMatcher(selector.group(1), matcher.group(1), matcher.group(2), matcher.group(3)));
            }
        }
        return matchers;
    }

    /** The labels an expression groups by ({@code sum by (a, b)}); each must be on some series it selects. */
    static Set<String> groupingLabels(String promQl) {
        Set<String> labels = new TreeSet<>();
        Matcher grouping = GROUPING.matcher(promQl);
        while (grouping.find()) {
            for (String label : grouping.group(1).split(",")) {
                if (!label.isBlank()) {
                    labels.add(label.strip());
                }
            }
        }
        return labels;
    }

    private static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
