package io.hirepipe.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the local stack runs: ports, data directory, time limits. Every value can be set as a
 * command-line option ({@code --gateway-port=9080}) or an environment variable
 * ({@code HIREPIPE_GATEWAY_PORT=9080}); options win.
 */
public record StackConfig(
        Path repoDir,
        Path dataDir,
        Ports ports,
        Duration healthTimeout,
        String serviceJvmOptions,
        boolean seedDemo) {

    public record Ports(int gateway, int question, int assessment, int scoring, int notification,
                        int kafka, int mongo, int redis, int smtp, int mail) {
    }

    static final Map<String, String> OPTION_HELP = new LinkedHashMap<>();

    static {
        OPTION_HELP.put("gateway-port", "8080");
        OPTION_HELP.put("question-port", "8081");
        OPTION_HELP.put("assessment-port", "8082");
        OPTION_HELP.put("scoring-port", "8083");
        OPTION_HELP.put("notification-port", "8084");
        OPTION_HELP.put("kafka-port", "9092");
        OPTION_HELP.put("mongo-port", "27017");
        OPTION_HELP.put("redis-port", "6379");
        OPTION_HELP.put("smtp-port", "2525");
        OPTION_HELP.put("mail-port", "8025");
        OPTION_HELP.put("data-dir", ".hirepipe/local");
        OPTION_HELP.put("health-timeout", "180 (seconds)");
        OPTION_HELP.put("service-jvm-options", "-Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        OPTION_HELP.put("seed-demo", "true");
    }

    public StackConfig {
        Objects.requireNonNull(repoDir, "repoDir");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(ports, "ports");
    }

    /** Reads options of the form {@code --name=value}, falling back to {@code HIREPIPE_NAME}, then defaults. */
    public static StackConfig from(String[] args, Map<String, String> env, Path repoDir) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Unrecognised argument '" + arg + "': options look like --name=value. "
                        + "Known options: " + String.join(", ", OPTION_HELP.keySet()));
            }
            String name = arg.substring(2, arg.indexOf('='));
            if (!OPTION_HELP.containsKey(name)) {
                throw new IllegalArgumentException("Unknown option --" + name + ". Known options: "
                        + String.join(", ", OPTION_HELP.keySet()));
            }
            options.put(name, arg.substring(arg.indexOf('=') + 1));
        }
        Lookup lookup = new Lookup(options, env);
        Ports ports = new Ports(
                lookup.port("gateway-port", 8080), lookup.port("question-port", 8081),
                lookup.port("assessment-port", 8082), lookup.port("scoring-port", 8083),
                lookup.port("notification-port", 8084), lookup.port("kafka-port", 9092),
                lookup.port("mongo-port", 27017), lookup.port("redis-port", 6379),
                lookup.port("smtp-port", 2525), lookup.port("mail-port", 8025));
        Path dataDir = repoDir.resolve(lookup.text("data-dir", ".hirepipe/local")).normalize();
        Duration healthTimeout = Duration.ofSeconds(lookup.integer("health-timeout", 180));
        return new StackConfig(repoDir, dataDir, ports, healthTimeout,
                lookup.text("service-jvm-options", "-Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"),
                Boolean.parseBoolean(lookup.text("seed-demo", "true")));
    }

    public StackConfig withPorts(Ports newPorts) {
        return new StackConfig(repoDir, dataDir, newPorts, healthTimeout, serviceJvmOptions, seedDemo);
    }

    public StackConfig withDataDir(Path newDataDir) {
        return new StackConfig(repoDir, newDataDir, ports, healthTimeout, serviceJvmOptions, seedDemo);
    }

    public StackConfig withHealthTimeout(Duration timeout) {
        return new StackConfig(repoDir, dataDir, ports, timeout, serviceJvmOptions, seedDemo);
    }

    public Path logsDir() {
        return dataDir.resolve("logs");
    }

    public Path mailDir() {
        return dataDir.resolve("mail");
    }

    public Path mongoFile() {
        return dataDir.resolve("mongo.mv");
    }

    private record Lookup(Map<String, String> options, Map<String, String> env) {

        String text(String name, String fallback) {
            String value = options.get(name);
            if (value == null) {
                value = env.get("HIREPIPE_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            }
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        int integer(String name, int fallback) {
            String value = text(name, String.valueOf(fallback));
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a whole number, not '" + value + "'");
            }
        }

        int port(String name, int fallback) {
            int port = integer(name, fallback);
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("--" + name + " must be a port between 1 and 65535, not " + port);
            }
            return port;
        }
    }
}
