package io.hirepipe.perf;

import io.hirepipe.stacklauncher.LocalStackProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** What every scenario of one load run works with: the stack, the plan, the report, the load tools and the run's files. */
record PerfContext(LocalStackProcess stack, Plan plan, Report report, Path work, GatlingRun gatling, Wrk wrk, Api gateway,
                   Sink sink) {

    /** A Gatling run's settings: the gateway, the feeder file and an arrival rate for so many seconds. */
    Map<String, String> props(Path feeder, double rate, int seconds) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("perf.baseUrl", stack.url("gateway"));
        properties.put("perf.feeder", feeder.toString());
        properties.put("perf.rate", Double.toString(rate));
        properties.put("perf.seconds", Integer.toString(seconds));
        return properties;
    }

    /** A Gatling run that first sends {@code seconds} of silent requests at its rate (Settings.afterWarmUp). */
    static Map<String, String> warmedUp(Map<String, String> properties, int seconds) {
        properties.put("perf.warmUpSeconds", Integer.toString(seconds));
        return properties;
    }

    /** A feeder file in the run's folder: the header, then one line per row. */
    Path csv(String file, String header, List<String> rows) {
        Path path = work.resolve(file);
        List<String> lines = new ArrayList<>();
        lines.add(header);
        lines.addAll(rows);
        try {
            Files.write(path, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return path;
    }

    void requireNoErrors(String what, Measurement m) {
        if (m.count() == 0) {
            report.problem(what + ": no request completed, nothing was measured");
        } else if (m.errors() > 0) {
            report.problem(what + ": " + m.errors() + " errors of " + m.count() + " requests");
        }
    }

    int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    static boolean await(BooleanSupplier condition, int seconds) {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            LocalStackProcess.sleep(Duration.ofMillis(500));
        }
        return condition.getAsBoolean();
    }

    static long seconds(long sinceNanos) {
        return Duration.ofNanos(System.nanoTime() - sinceNanos).toSeconds();
    }

    static void log(String message) {
        System.out.println("[perf " + LocalTime.now().withNano(0) + "] " + message);
    }
}
