package io.hirepipe.perf;

import tools.jackson.databind.JsonNode;

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

    /** @param properties the simulation's settings ({@code perf.*} system properties) */
    Measurement run(String label, String simulation, Map<String, String> properties) {
        List<String> command = new ArrayList<>(List.of(Stack.javaBinary()));
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
            return read(label, after.get(0).resolve("js/global_stats.json"));
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

    /** Gatling's default percentiles are 50, 75, 95 and 99 (percentiles1..4); latency of the answered requests. */
    private static Measurement read(String label, Path stats) {
        JsonNode json = Api.JSON.readTree(Stack.read(stats));
        JsonNode counts = json.get("numberOfRequests");
        return new Measurement(label, counts.get("total").asLong(),
                json.get("meanNumberOfRequestsPerSecond").get("total").asDouble(),
                json.get("percentiles1").get("ok").asDouble(), json.get("percentiles3").get("ok").asDouble(),
                json.get("percentiles4").get("ok").asDouble(), counts.get("ko").asLong());
    }
}
