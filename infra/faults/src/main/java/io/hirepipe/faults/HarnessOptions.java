package io.hirepipe.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What to run and how big. The default is a reduced run that fits a shared 2-core machine; {@code --full}
 * uses the sizes of issue 11 (R1 with 10,000 submissions, SMTP down for 5 minutes, Kafka for 30 s, Redis for
 * 60 s); {@code --smoke} runs R3 and R8 with a few sessions, for CI.
 *
 * @param scenarios   in the order they run; R10 runs on a second stack started with {@code --instances 2}
 * @param sessions    sessions per scenario, where a scenario has no size of its own in {@code sizes}
 * @param settle      how long to keep counting after every expected effect was seen, so a late duplicate counts
 * @param stack       a stack infra/smoke.sh started and described ({@code --stack=FILE}); null: start one
 */
record HarnessOptions(List<String> scenarios, int sessions, Map<String, Integer> sizes, int concurrency,
                      Duration smtpOutage, Duration kafkaOutage, Duration redisOutage, Duration loadTimeout,
                      String mode, Duration settle, Path stack) {

    static final List<String> ALL = List.of("R1", "R3", "R5", "R7", "R8", "R4", "R6", "R9", "R2", "R10");

    static HarnessOptions parse(String[] args) {
        String mode = "reduced";
        List<String> scenarios = null;
        Integer sessions = null;
        int concurrency = 8;
        Path stack = null;
        for (String arg : args) {
            if (arg.equals("--smoke")) {
                mode = "smoke";
            } else if (arg.equals("--full")) {
                mode = "full";
            } else if (arg.startsWith("--scenarios=")) {
                scenarios = new ArrayList<>();
                for (String id : arg.substring("--scenarios=".length()).split(",")) {
                    String upper = id.trim().toUpperCase(Locale.ROOT);
                    if (!ALL.contains(upper)) {
                        throw new IllegalArgumentException("unknown scenario " + id + "; known: " + String.join(",", ALL));
                    }
                    scenarios.add(upper);
                }
            } else if (arg.startsWith("--sessions=")) {
                sessions = positive(arg, "--sessions=");
            } else if (arg.startsWith("--stack=") && arg.length() > "--stack=".length()) {
                stack = Path.of(arg.substring("--stack=".length()));
            } else if (arg.startsWith("--concurrency=")) {
                concurrency = positive(arg, "--concurrency=");
            } else {
                throw new IllegalArgumentException("unknown option " + arg + usage());
            }
        }
        if (stack != null && scenarios != null && scenarios.contains("R10")) {
            throw new IllegalArgumentException("R10 starts a stack of its own with two instances of each service; "
                    + "it cannot run on --stack");
        }
        return switch (mode) {
            // CI: a handful of sessions and a short settle; the shared smoke stack runs production JIT
            case "smoke" -> new HarnessOptions(scenarios != null ? scenarios : List.of("R3", "R8"),
                    sessions != null ? sessions : 6, Map.of(), Math.min(concurrency, 4),
                    Duration.ofSeconds(20), Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMinutes(3), mode,
                    Duration.ofSeconds(4), stack);
            case "full" -> new HarnessOptions(scenarios != null ? scenarios : ALL, sessions != null ? sessions : 1000,
                    sessions != null ? Map.of("R9", Math.min(sessions, 20)) : Map.of("R1", 10_000, "R9", 20), concurrency,
                    Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(90), mode,
                    Duration.ofSeconds(10), stack);
            default -> new HarnessOptions(scenarios != null ? scenarios : ALL, sessions != null ? sessions : 100,
                    // R9's sessions are 400,000 characters each: a few are enough to show they pass
                    sessions != null ? Map.of("R9", Math.min(sessions, 3)) : Map.of("R1", 1000, "R9", 5), concurrency,
                    Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(20), mode,
                    Duration.ofSeconds(10), stack);
        };
    }

    int sessions(String scenario) {
        return sizes.getOrDefault(scenario, sessions);
    }

    static String usage() {
        return "\nUsage: ./infra/faults/run.sh [--smoke | --full] [--scenarios=R1,R3,…] [--sessions=N] [--concurrency=N] [--stack=FILE]";
    }

    private static int positive(String arg, String prefix) {
        try {
            int value = Integer.parseInt(arg.substring(prefix.length()));
            if (value < 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(prefix + " needs a whole number above 0, not " + arg.substring(prefix.length()));
        }
    }
}
