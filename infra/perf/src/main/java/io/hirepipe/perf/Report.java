package io.hirepipe.perf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** target/perf-report.md: how the run was made, then one table per scenario with its baseline from the same run. */
final class Report {

    /** @param ratio this row ÷ the scenario's baseline row, in the quantity the scenario's note names */
    record Row(Measurement measurement, Double ratio) {
    }

    record Scenario(String id, String title, String target, String result, boolean met, List<Row> rows,
                    List<String> notes) {
    }

    private final List<String> header = new ArrayList<>();
    private final List<Scenario> scenarios = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    void header(String line) {
        header.add(line);
    }

    void add(Scenario scenario) {
        scenarios.add(scenario);
    }

    /** Something the harness itself found wrong (errors, lost or duplicated effects): a smoke run fails on any. */
    void problem(String problem) {
        problems.add(problem);
    }

    List<String> problems() {
        return problems;
    }

    void write(Path file) {
        StringBuilder md = new StringBuilder("# Hirepipe load report\n\n");
        header.forEach(line -> md.append(line).append('\n'));
        md.append("\n## Summary\n\n| # | scenario | target | measured | met |\n|---|---|---|---|---|\n");
        for (Scenario s : scenarios) {
            md.append("| ").append(s.id()).append(" | ").append(s.title()).append(" | ").append(s.target()).append(" | ")
                    .append(s.result()).append(" | ").append(s.met() ? "yes" : "**no**").append(" |\n");
        }
        for (Scenario s : scenarios) {
            md.append("\n## ").append(s.id()).append(": ").append(s.title()).append("\n\n")
                    .append("Target: ").append(s.target()).append(". Measured: ").append(s.result()).append(".\n\n");
            if (!s.rows().isEmpty()) {
                md.append("| run | count | throughput /s | p50 ms | p95 ms | p99 ms | errors | ratio to baseline |\n")
                    .append("|---|---|---|---|---|---|---|---|\n");
                for (Row row : s.rows()) {
                Measurement m = row.measurement();
                md.append("| ").append(m.label()).append(" | ").append(m.count()).append(" | ").append(number(m.perSecond()))
                        .append(" | ").append(number(m.p50Millis())).append(" | ").append(number(m.p95Millis()))
                        .append(" | ").append(number(m.p99Millis())).append(" | ").append(m.errors()).append(" | ")
                        .append(row.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f", row.ratio())).append(" |\n");
                }
                md.append('\n');
            }
            s.notes().forEach(note -> md.append("- ").append(note).append('\n'));
        }
        md.append("\n## Problems found by the harness\n\n");
        if (problems.isEmpty()) {
            md.append("None: every request answered as expected, nothing lost, nothing duplicated.\n");
        } else {
            problems.forEach(problem -> md.append("- ").append(problem).append('\n'));
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
