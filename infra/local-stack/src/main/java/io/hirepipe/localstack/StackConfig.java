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
        String gatewayJvmOptions,
        boolean seedDemo,
        Sessions sessions,
        String otlpEndpoint,
        String gatewayProfiles,
        int instances,
        int controlPort,
        boolean classDataSharing,
        Duration mongoSlowOperations) {

    /** Instance n (from 0) of a service listens on its port + n × this step: 8082, 8092, … */
    public static final int INSTANCE_PORT_STEP = 10;
    public static final int MAX_INSTANCES = 4;

    /**
     * @param grace         how long after a deadline answers are still accepted
     * @param sweepInterval how often assessment-service closes overdue sessions
     */
    public record Sessions(Duration grace, Duration sweepInterval) {
    }

    /**
     * {@code gatewayManagement}: the gateway's actuator (metrics, health details), never its public port;
     * {@code prometheus}: where {@code --with-prometheus} serves Prometheus.
     */
    public record Ports(int gateway, int question, int assessment, int scoring, int notification,
                        int kafka, int mongo, int redis, int smtp, int mail, int gatewayManagement, int prometheus) {

        /** Each component needs a port of its own: equal ones would not even fail, e.g. actuator would join the gateway's public port. */
        public Ports {
            Map<Integer, String> owners = new LinkedHashMap<>();
            String[] names = {"gateway-port", "question-port", "assessment-port", "scoring-port", "notification-port",
                    "kafka-port", "mongo-port", "redis-port", "smtp-port", "mail-port", "gateway-management-port",
                    "prometheus-port"};
            int[] ports = {gateway, question, assessment, scoring, notification, kafka, mongo, redis, smtp, mail,
                    gatewayManagement, prometheus};
            for (int i = 0; i < ports.length; i++) {
                String other = owners.putIfAbsent(ports[i], names[i]);
                if (other != null) {
                    throw new IllegalArgumentException("--" + other + " and --" + names[i] + " are both " + ports[i]
                            + ": each needs a port of its own");
                }
            }
        }
    }

    /** Every option and its default: the help text and the lookup read the same table. */
    static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("gateway-port", "8080");
        DEFAULTS.put("question-port", "8081");
        DEFAULTS.put("assessment-port", "8082");
        DEFAULTS.put("scoring-port", "8083");
        DEFAULTS.put("notification-port", "8084");
        DEFAULTS.put("kafka-port", "9092");
        DEFAULTS.put("mongo-port", "27017");
        DEFAULTS.put("redis-port", "6379");
        DEFAULTS.put("smtp-port", "2525");
        DEFAULTS.put("mail-port", "8025");
        DEFAULTS.put("gateway-management-port", "9180");
        DEFAULTS.put("prometheus-port", "9090");
        DEFAULTS.put("data-dir", ".hirepipe/local");
        DEFAULTS.put("health-timeout", "180");
        DEFAULTS.put("service-jvm-options", "-Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        // blank: none. Added after the services' options for the gateway alone (later options win), e.g. a young
        // generation sized for its allocation rate: it allocates per proxied request and keeps little
        DEFAULTS.put("gateway-jvm-options", "");
        DEFAULTS.put("seed-demo", "true");
        DEFAULTS.put("session-grace", "10");
        DEFAULTS.put("session-sweep-interval", "5");
        // blank: no spans leave the services; e.g. http://localhost:4318/v1/traces for a local Jaeger
        DEFAULTS.put("otlp-endpoint", "");
        // blank: the gateway's production settings; "perf" raises its rate limits for load runs (infra/perf/run.sh)
        DEFAULTS.put("gateway-profiles", "");
        // 2: two JVMs of each service (ports +10), behind the one gateway, which balances over them
        DEFAULTS.put("instances", "1");
        // 0: off. A loopback-only HTTP port that injects faults (stop Kafka, SMTP, Redis; kill services)
        // for ./infra/faults/run.sh; never part of a deployment
        DEFAULTS.put("control-port", "0");
        // true: the services start from an extracted class path with a class data sharing archive, recorded by
        // the first run after a build (ClassDataSharing); false: from their fat jars, as before
        DEFAULTS.put("class-data-sharing", "true");
        // 0: off. The embedded MongoDB logs every query, update, delete, count or aggregation slower than this
        // many milliseconds, with its collection and filter shape (no values), in the stack's log
        DEFAULTS.put("mongo-slow-ms", "0");
    }

    public StackConfig {
        Objects.requireNonNull(repoDir, "repoDir");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(mongoSlowOperations, "mongoSlowOperations");
    }

    /** Reads options of the form {@code --name=value}, falling back to {@code HIREPIPE_NAME}, then defaults. */
    public static StackConfig from(String[] args, Map<String, String> env, Path repoDir) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            // "--instances 2" reads as "--instances=2" for options this table knows
            if (arg.startsWith("--") && !arg.contains("=") && DEFAULTS.containsKey(arg.substring(2))
                    && i + 1 < args.length && !args[i + 1].startsWith("--")) {
                arg = arg + "=" + args[++i];
            }
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Unrecognised argument '" + arg + "': options look like --name=value. "
                        + "Known options: " + String.join(", ", DEFAULTS.keySet()));
            }
            String name = arg.substring(2, arg.indexOf('='));
            if (!DEFAULTS.containsKey(name)) {
                throw new IllegalArgumentException("Unknown option --" + name + ". Known options: "
                        + String.join(", ", DEFAULTS.keySet()));
            }
            options.put(name, arg.substring(arg.indexOf('=') + 1));
        }
        Lookup lookup = new Lookup(options, env);
        Ports ports = new Ports(
                lookup.port("gateway-port"), lookup.port("question-port"), lookup.port("assessment-port"),
                lookup.port("scoring-port"), lookup.port("notification-port"), lookup.port("kafka-port"),
                lookup.port("mongo-port"), lookup.port("redis-port"), lookup.port("smtp-port"),
                lookup.port("mail-port"), lookup.port("gateway-management-port"),
                lookup.port("prometheus-port"));
        Path dataDir = repoDir.resolve(lookup.text("data-dir")).normalize();
        Duration healthTimeout = Duration.ofSeconds(lookup.integer("health-timeout"));
        return new StackConfig(repoDir, dataDir, ports, healthTimeout, lookup.text("service-jvm-options"),
                lookup.text("gateway-jvm-options"),
                Boolean.parseBoolean(lookup.text("seed-demo")),
                new Sessions(Duration.ofSeconds(lookup.integer("session-grace")),
                        Duration.ofSeconds(lookup.integer("session-sweep-interval"))),
                lookup.text("otlp-endpoint"), lookup.text("gateway-profiles"), lookup.between("instances", 1, MAX_INSTANCES),
                lookup.controlPort(), Boolean.parseBoolean(lookup.text("class-data-sharing")),
                Duration.ofMillis(lookup.between("mongo-slow-ms", 0, Integer.MAX_VALUE)));
    }

    public StackConfig withPorts(Ports newPorts) {
        return new StackConfig(repoDir, dataDir, newPorts, healthTimeout, serviceJvmOptions, gatewayJvmOptions, seedDemo, sessions, otlpEndpoint, gatewayProfiles, instances, controlPort, classDataSharing, mongoSlowOperations);
    }

    public StackConfig withDataDir(Path newDataDir) {
        return new StackConfig(repoDir, newDataDir, ports, healthTimeout, serviceJvmOptions, gatewayJvmOptions, seedDemo, sessions, otlpEndpoint, gatewayProfiles, instances, controlPort, classDataSharing, mongoSlowOperations);
    }

    public StackConfig withHealthTimeout(Duration timeout) {
        return new StackConfig(repoDir, dataDir, ports, timeout, serviceJvmOptions, gatewayJvmOptions, seedDemo, sessions, otlpEndpoint, gatewayProfiles, instances, controlPort, classDataSharing, mongoSlowOperations);
    }

    /** Tests shorten the session timings, so a test at its deadline closes in seconds, not half a minute. */
    public StackConfig withSessions(Sessions newSessions) {
        return new StackConfig(repoDir, dataDir, ports, healthTimeout, serviceJvmOptions, gatewayJvmOptions, seedDemo, newSessions, otlpEndpoint, gatewayProfiles, instances, controlPort, classDataSharing, mongoSlowOperations);
    }

    /** Services export their spans here (OTLP/HTTP); tests collect them with a receiver of their own. */
    public StackConfig withOtlpEndpoint(String endpoint) {
        return new StackConfig(repoDir, dataDir, ports, healthTimeout, serviceJvmOptions, gatewayJvmOptions, seedDemo, sessions, endpoint, gatewayProfiles, instances, controlPort, classDataSharing, mongoSlowOperations);
    }

    /** Tests run several instances of each service. */
    public StackConfig withInstances(int count) {
        return new StackConfig(repoDir, dataDir, ports, healthTimeout, serviceJvmOptions, gatewayJvmOptions, seedDemo, sessions, otlpEndpoint, gatewayProfiles, count, controlPort, classDataSharing, mongoSlowOperations);
    }

    /** The fault control on this loopback port (0: off). */
    public StackConfig withControlPort(int port) {
        return new StackConfig(repoDir, dataDir, ports, healthTimeout, serviceJvmOptions, gatewayJvmOptions, seedDemo, sessions, otlpEndpoint, gatewayProfiles, instances, port, classDataSharing, mongoSlowOperations);
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

        String text(String name) {
            String value = options.get(name);
            if (value == null) {
                value = env.get("HIREPIPE_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            }
            return value == null || value.isBlank() ? DEFAULTS.get(name) : value.trim();
        }

        int integer(String name) {
            String value = text(name);
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a whole number, not '" + value + "'");
            }
        }

        int between(String name, int min, int max) {
            int value = integer(name);
            if (value < min || value > max) {
                throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max + ", not " + value);
            }
            return value;
        }

        int controlPort() {
            return integer("control-port") == 0 ? 0 : port("control-port");
        }

        int port(String name) {
            int port = integer(name);
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("--" + name + " must be a port between 1 and 65535, not " + port);
            }
            return port;
        }
    }
}
