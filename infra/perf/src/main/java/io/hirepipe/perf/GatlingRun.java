package io.hirepipe.perf;

import io.hirepipe.stacklauncher.LocalStackProcess;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs one Gatling simulation (Java DSL, package {@code io.hirepipe.perf.gatling}) in a JVM of its own,
 * with this harness's class path, and reads Gatling's own statistics from the report it writes.
 */
final class GatlingRun {

    /** Gatling's own launchers open java.lang to it (it reads String internals when writing its log). */
    static final String JVM_OPTIONS = "-Xms256m -Xmx512m --add-opens=java.base/java.lang=ALL-UNNAMED";

    private final Path resultsDir;

    GatlingRun(Path workDir) {
        this.resultsDir = workDir.resolve("gatling");
    }

    /** The run ended without Gatling's closing statistics (its own result log failed; see the run's log file). */
    static final class NoStatistics extends IllegalStateException {
        NoStatistics(String message) {
            super(message);
        }
    }

    /** @param properties the simulation's settings ({@code perf.*} system properties) */
    Measurement run(String label, String simulation, Map<String, String> properties) {
        List<String> command = new ArrayList<>(List.of(LocalStackProcess.javaBinary()));
        command.addAll(List.of(JVM_OPTIONS.split(" ")));
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.gatling.app.Gatling",
                "--simulation", "io.hirepipe.perf.gatling." + simulation, "--results-folder", resultsDir.toString()));
        Path log = resultsDir.resolve(label.replaceAll("[^A-Za-z0-9]+", "-") + ".log");
        try {
            Files.createDirectories(resultsDir);
            List<Path> before = runs();
            Process gatling = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            int exit = gatling.waitFor();
            List<Path> after = new ArrayList<>(runs());
            after.removeAll(before);
            if (after.isEmpty()) {
                throw new IllegalStateException("Gatling wrote no report for " + label + " (exit " + exit + "), see " + log);
            }
            return overCountedSeconds(read(label, Files.readString(log, java.nio.charset.StandardCharsets.UTF_8)),
                    properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<Path> runs() throws IOException {
        try (Stream<Path> dirs = Files.list(resultsDir)) {
            return dirs.filter(Files::isDirectory).sorted(Comparator.naturalOrder()).toList();
        }
    }

    /**
     * Gatling's mean throughput spans a silent warm-up ({@code perf.warmUpSeconds}) too; the counted requests arrived over
     * {@code perf.seconds}.
     */
    static Measurement overCountedSeconds(Measurement measured, Map<String, String> properties) {
        int warmUpSeconds = Integer.parseInt(properties.getOrDefault("perf.warmUpSeconds", "0"));
        return warmUpSeconds > 0
                ? measured.withPerSecond(measured.count() / Double.parseDouble(properties.get("perf.seconds")))
                : measured;
    }

    private static final Pattern ROW = Pattern.compile("^> (.+?)\\s+\\|\\s+([-\\d,.]+)\\s+\\|\\s+([-\\d,.]+)\\s+\\|\\s+([-\\d,.]+)",
            Pattern.MULTILINE);

    /**
     * Gatling's closing "Global Information" table (default percentiles 50, 75, 95, 99): count and failures
     * over all requests, latency of the answered ones, and the mean throughput.
     */
    static Measurement read(String label, String output) {
        int global = output.lastIndexOf("---- Global Information");
        if (global < 0) {
            throw new NoStatistics("Gatling printed no statistics for " + label);
        }
        java.util.Map<String, String[]> rows = new java.util.HashMap<>();
        Matcher m = ROW.matcher(output.substring(global));
        while (m.find()) {
            rows.putIfAbsent(m.group(1).trim(), new String[]{m.group(2), m.group(3), m.group(4)});
        }
        return new Measurement(label, (long) value(rows, "request count", 0), value(rows, "mean throughput (rps)", 0),
                value(rows, "response time 50th percentile (ms)", 1), value(rows, "response time 95th percentile (ms)", 1),
                value(rows, "response time 99th percentile (ms)", 1), (long) value(rows, "request count", 2));
    }

    /** @param column 0 total, 1 OK, 2 KO; "-" (nothing in that column) reads as 0 */
    private static double value(java.util.Map<String, String[]> rows, String row, int column) {
        String[] values = rows.get(row);
        if (values == null) {
            throw new IllegalStateException("Gatling's statistics lack '" + row + "'");
        }
        String text = values[column].replace(",", "");
        return text.equals("-") ? 0 : Double.parseDouble(text);
    }
}
