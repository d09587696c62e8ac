package io.hirepipe.perf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The local stack exactly as {@code ./run-local.sh} runs it (its jar, its options), on free ports and a
 * data directory of its own, started as a separate process so that its memory and start time are its own.
 */
final class Stack implements AutoCloseable {

    static final String READY_LINE = "Hirepipe is running.";
    static final String DOWNSTREAM_TIME_LIMIT = "30s";

    private final Process process;
    private final Path dataDir;
    private final Map<String, Integer> ports;
    private final Duration coldStart;
    private final Path log;

    private Stack(Process process, Path dataDir, Map<String, Integer> ports, Duration coldStart, Path log) {
        this.process = process;
        this.dataDir = dataDir;
        this.ports = ports;
        this.coldStart = coldStart;
        this.log = log;
    }

    /**
     * @param serviceJvmOptions the services' JVM options (production JIT: no TieredStopAtLevel)
     * @param extraOptions      passed through to the stack, e.g. {@code --instances=2}
     */
    static Stack start(Path repo, Path workDir, String serviceJvmOptions, List<String> extraOptions, Duration timeout) {
        Path dataDir = workDir.resolve("stack-data");
        Path log = workDir.resolve("stack.log");
        try {
            deleteRecursively(dataDir);
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String name : List.of("gateway", "question", "assessment", "scoring", "notification", "kafka", "mongo",
                "redis", "smtp", "mail", "gateway-management", "prometheus")) {
            ports.put(name, Ports.free());
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx768m", "-XX:+UseSerialGC",
                "-Dhirepipe.repo-dir=" + repo, "-jar", repo.resolve("infra/local-stack/target/local-stack.jar").toString()));
        ports.forEach((name, port) -> command.add("--" + name + "-port=" + port));
        command.add("--data-dir=" + dataDir);
        command.add("--service-jvm-options=" + serviceJvmOptions);
        command.add("--gateway-profiles=perf");
        // the harness prepares its own data through the API (with retries); the stack is ready once healthy
        command.add("--seed-demo=false");
        command.add("--health-timeout=" + timeout.toSeconds());
        command.addAll(extraOptions);
        long started = System.nanoTime();
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            // The gateway's time limit to a service's answer (10 s) is about failure, not speed; on a machine
            // shared with other builds the services' first, still interpreted requests can exceed it.
            builder.environment().put("HIREPIPE_DOWNSTREAM_TIME_LIMIT", DOWNSTREAM_TIME_LIMIT);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the local stack", e);
        }
        Stack stack = new Stack(process, dataDir, ports, null, log);
        long deadline = started + timeout.plusSeconds(120).toNanos();
        while (!stack.logText().contains(READY_LINE)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String tail = stack.logText();
                stack.close();
                throw new IllegalStateException("The local stack did not start (see " + log + "):\n"
                        + tail.substring(Math.max(0, tail.length() - 3000)));
            }
            sleep(200);
        }
        return new Stack(process, dataDir, ports, Duration.ofNanos(System.nanoTime() - started), log);
    }

    Duration coldStart() {
        return coldStart;
    }

    int port(String name) {
        return ports.get(name);
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + port("gateway");
    }

    Path mailDir() {
        return dataDir.resolve("mail");
    }

    Path logsDir() {
        return dataDir.resolve("logs");
    }

    String mongoUri() {
        return "mongodb://127.0.0.1:" + port("mongo");
    }

    /** One of the secrets the stack generated into its data directory (the harness is this installation's operator). */
    String secret(String name) {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(dataDir.resolve("secrets.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty(name);
    }

    /** Resident memory of the stack's JVM (embedded Kafka, MongoDB, Redis, SMTP) and of every service it started. */
    long totalRssBytes() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .mapToLong(handle -> rssBytes(handle.pid())).sum();
    }

    int processCount() {
        return 1 + (int) process.descendants().count();
    }

    private static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // the process ended meanwhile
        }
        return 0;
    }

    private String logText() {
        return Files.exists(log) ? read(log) : "";
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();   // its shutdown hook stops the services, then the infrastructure
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
